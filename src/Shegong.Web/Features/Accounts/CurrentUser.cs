using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shegong.Web.Common;
using Shegong.Web.Common.Access;
using Shegong.Web.Data;

namespace Shegong.Web.Features.Accounts;

/// <summary>
/// The signed-in account of this request or circuit (one per DI scope), read from the database
/// once so a disabled account or a reset password stops working at once. Empty for start-up
/// work and operator verbs, which are not made by a person.
/// </summary>
public sealed class CurrentUser
{
    public string? Id { get; private set; }
    public string UserName { get; private set; } = "";
    public string DisplayName { get; private set; } = "";
    public AccountRole Role { get; private set; } = AccountRole.Viewer;
    public string RegionCode { get; private set; } = "";
    public int? StationId { get; private set; }
    public int? AgencyId { get; private set; }

    /// <summary>The social worker this account belongs to, when linked (station staff).</summary>
    public int? SocialWorkerId { get; private set; }
    public string? IpAddress { get; private set; }

    public bool IsAuthenticated => Id is not null;

    public bool IsIn(params AccountRole[] roles) => IsAuthenticated && roles.Contains(Role);

    /// <summary>Whether the permission table lets this user do <paramref name="action"/> to <typeparamref name="TEntity"/> (pages ask it to show a button).</summary>
    public bool May<TEntity>(AccessAction action) => May(typeof(TEntity), action);

    public bool May(Type entityType, AccessAction action) => IsAuthenticated && AccessTable.Allows(Role, entityType, action);

    /// <summary>Refuses (403) unless the permission table lets this user do <paramref name="action"/> to <typeparamref name="TEntity"/>.</summary>
    public void Require<TEntity>(AccessAction action)
    {
        if (!May<TEntity>(action))
        {
            throw RequestProblem.Forbidden(ProblemText.AccountYourRoleMayNotDo);
        }
    }

    /// <summary>Takes over another scope's user (a page's per-call DI scope inherits its circuit's).</summary>
    public void CopyFrom(CurrentUser other)
    {
        Id = other.Id;
        UserName = other.UserName;
        DisplayName = other.DisplayName;
        Role = other.Role;
        RegionCode = other.RegionCode;
        StationId = other.StationId;
        AgencyId = other.AgencyId;
        SocialWorkerId = other.SocialWorkerId;
        IpAddress = other.IpAddress;
    }

    /// <summary>Nobody: the account was signed out while its circuit stayed open.</summary>
    internal void Clear()
    {
        Id = null;
        UserName = "";
        DisplayName = "";
        Role = AccountRole.Viewer;
        RegionCode = "";
        StationId = null;
        AgencyId = null;
        SocialWorkerId = null;
    }

    internal void Fill(Account account, string? ipAddress) => Fill(AccountAccess.Of(account), ipAddress);

    internal void Fill(AccountAccess account, string? ipAddress)
    {
        Id = account.Id;
        UserName = account.UserName;
        DisplayName = account.DisplayName;
        Role = account.Role;
        RegionCode = account.RegionCode;
        StationId = account.StationId;
        AgencyId = account.AgencyId;
        SocialWorkerId = account.SocialWorkerId;
        IpAddress = ipAddress;
    }
}

/// <summary>What a request needs of its account: who, where, and whether it may still act (disabled, security stamp).</summary>
public sealed record AccountAccess(string Id, string UserName, string DisplayName, AccountRole Role, string RegionCode, int? StationId,
    int? AgencyId, int? SocialWorkerId, bool IsDisabled, string? SecurityStamp)
{
    public static AccountAccess Of(Account a) =>
        new(a.Id, a.UserName ?? "", a.DisplayName, a.Role, a.RegionCode, a.StationId, a.AgencyId, a.SocialWorkerId, a.IsDisabled, a.SecurityStamp);
}

/// <summary>Accounts as last read, given again while nothing was committed since (<see cref="VersionedCache{TKey, TValue}"/>).</summary>
public sealed class AccountAccessCache(DataVersion version)
{
    private readonly VersionedCache<string, AccountAccess?> cache = new(version, 10_000);

    public Task<AccountAccess?> GetAsync(string id, Func<Task<AccountAccess?>> read, CancellationToken cancellationToken) =>
        cache.GetAsync(id, read, cancellationToken);
}

/// <summary>Fills <see cref="CurrentUser"/> and <see cref="RegionScope"/> from a signed-in principal.</summary>
public sealed class AccessResolver(ShegongDb db, CurrentUser user, RegionScope scope, IOptions<IdentityOptions> identity, AccountAccessCache accounts)
{
    /// <summary>False when the account is gone, disabled, or its security stamp changed (password reset).</summary>
    public async Task<bool> ApplyAsync(ClaimsPrincipal principal, string? ipAddress, CancellationToken cancellationToken = default)
    {
        var id = principal.FindFirstValue(identity.Value.ClaimsIdentity.UserIdClaimType);
        var stamp = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        // Every request reads its account again, so a disable or a reset works at once; while nothing was committed since
        // the last read, that read's answer is still the account as it is (AccountAccessCache). Unfiltered because the
        // request's scope is made from this row: it is read by the signed-in user's own id, before any scope exists.
        var account = id is null ? null
            : await accounts.GetAsync(id, async () => await db.Users.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
                is { } found ? AccountAccess.Of(found) : null, cancellationToken);
        if (account is null || account.IsDisabled || account.SecurityStamp != stamp)
        {
            scope.RestrictToNothing();
            return false;
        }
        user.Fill(account, ipAddress);
        // The province is unrestricted by name, never by an unfilled scope.
        if (account.Role == AccountRole.Volunteer)
        {
            // A volunteer sees no region's records: their own come through VolunteerSelfService, by their account.
            scope.RestrictToNothing();
        }
        else if (account.Role == AccountRole.ProvinceAdmin)
        {
            scope.AllowProvince();
        }
        else
        {
            scope.Restrict(account.RegionCode);
        }
        if (account is { Role: AccountRole.AgencyManager, AgencyId: { } agencyId })
        {
            scope.RestrictToAgency(agencyId);
        }
        return true;
    }
}

/// <summary>
/// Interactive circuits have no HttpContext per event: their DI scope (and so every context a
/// page uses) takes its scope from the circuit's authenticated user when the circuit opens.
/// </summary>
public sealed class AccessCircuitHandler(AuthenticationStateProvider authentication, AccessResolver resolver,
    RegionScope scope, CurrentUser user, IHttpContextAccessor http) : CircuitHandler
{
    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        // A revalidation that signs the circuit out (RevalidatingAccountState) empties its scope at once.
        authentication.AuthenticationStateChanged += OnSignedOut;
        var state = await authentication.GetAuthenticationStateAsync();
        if (state.User.Identity?.IsAuthenticated != true)
        {
            scope.RestrictToNothing();
            return;
        }
        await resolver.ApplyAsync(state.User, http.HttpContext?.Connection.RemoteIpAddress?.ToString(), cancellationToken);
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        authentication.AuthenticationStateChanged -= OnSignedOut;
        return Task.CompletedTask;
    }

    private async void OnSignedOut(Task<AuthenticationState> changed)
    {
        bool signedIn;
        try
        {
            signedIn = (await changed).User.Identity?.IsAuthenticated == true;
        }
        catch (Exception)
        {
            // Fail closed; and an async void handler must not throw.
            signedIn = false;
        }
        if (!signedIn)
        {
            user.Clear();
            scope.RestrictToNothing();
        }
    }
}

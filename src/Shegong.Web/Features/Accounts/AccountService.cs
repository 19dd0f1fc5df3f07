using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Common.Access;
using Shegong.Web.Common.Concurrency;
using Shegong.Web.Data;
using Shegong.Web.Features.Regions;

namespace Shegong.Web.Features.Accounts;

/// <summary>
/// Account management: an administrator lists, creates, disables and resets accounts inside
/// their own scope (the query filter) and only with roles below their own (<see cref="AccessTable.ManageableBy"/>).
/// </summary>
public sealed class AccountService(ShegongDb db, UserManager<Account> users, CurrentUser user)
{
    public static string PasswordRule => ProblemText.AccountPasswordRule;

    /// <summary>The columns the account list may be sorted by.</summary>
    public static readonly SortFields<Account> Sorts = new SortFields<Account>()
        .Add("userName", a => a.UserName).Add("displayName", a => a.DisplayName).Add("role", a => a.Role).Add("region", a => a.RegionCode);

    public async Task<PagedResult<AccountRow>> ListAsync(AccountFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        user.Require<Account>(AccessAction.Read);
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var text = filter.Search.Trim();
            query = query.Where(a => a.UserName!.Contains(text) || a.DisplayName.Contains(text));
        }
        if (filter.Role is { } role)
        {
            query = query.Where(a => a.Role == role);
        }
        if (!string.IsNullOrEmpty(filter.Region))
        {
            if (RegionCode.Problem(filter.Region) is { } problem)
            {
                throw RequestProblem.Invalid("region", problem);
            }
            var (low, high) = RegionCode.SubtreeRange(filter.Region);
            query = query.Where(a => string.Compare(a.RegionCode, low) >= 0 && string.Compare(a.RegionCode, high) <= 0);
        }
        var total = await query.CountAsync(cancellationToken);
        var accounts = await Sorts.Apply(query, page.Sort, q => q.OrderBy(a => a.RegionCode).ThenBy(a => a.UserName), q => q.ThenBy(a => a.UserName)).Skip(page.Skip).Take(page.PageSize).ToListAsync(cancellationToken);
        var codes = accounts.Select(a => a.RegionCode).Distinct().ToList();
        var names = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, cancellationToken);
        return new PagedResult<AccountRow>(accounts.Select(a => ToRow(a, names)).ToList(), total);
    }

    public async Task<AccountRow> CreateAsync(AccountForm form, CancellationToken cancellationToken = default)
    {
        user.Require<Account>(AccessAction.Create);
        FormValidation.ThrowIfInvalid(form);
        var role = form.Role!.Value;
        if (!AccessTable.ManageableBy(user.Role).Contains(role))
        {
            throw RequestProblem.Forbidden(Problems.Format(ProblemText.AccountYouCreateAccountRole, role));
        }
        var account = new Account
        {
            UserName = form.UserName!.Trim(),
            DisplayName = form.DisplayName!.Trim(),
            Role = role,
            RegionCode = await RegionOfAsync(form, role, cancellationToken),
            StationId = role is AccountRole.StationManager or AccountRole.SocialWorker ? form.StationId : null,
            AgencyId = role == AccountRole.AgencyManager ? form.AgencyId : null,
        };
        account.SocialWorkerId = await WorkerOfAsync(account, form.SocialWorkerId, cancellationToken);
        var normalized = users.NormalizeName(account.UserName);
        if (await db.Users.IgnoreQueryFilters().AnyAsync(a => a.NormalizedUserName == normalized, cancellationToken))
        {
            throw UserNameTaken(account);
        }
        await CheckPasswordAsync(account, form.Password!);
        IdentityResult result;
        try
        {
            result = await users.CreateAsync(account, form.Password!);
        }
        catch (DbUpdateException ex) when (IsUserNameTaken(ex))
        {
            // Two creations raced past the check above: the unique index decided, the loser gets the same 409.
            throw UserNameTaken(account);
        }
        // Or Identity's own duplicate check saw the other one just committed.
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateUserName)))
        {
            throw UserNameTaken(account);
        }
        ThrowIfFailed(result);
        return await RowAsync(account, cancellationToken);
    }

    public async Task<AccountRow> SetDisabledAsync(string id, bool disabled, AccountVersionForm form, CancellationToken cancellationToken = default)
    {
        var account = await ManageableAsync(id, form.Version, cancellationToken);
        account.IsDisabled = disabled;
        // A new stamp ends the account's cookies and tokens at once.
        account.SecurityStamp = Guid.NewGuid().ToString("N");
        ThrowIfFailed(await users.UpdateAsync(account));
        return await RowAsync(account, cancellationToken);
    }

    /// <summary>Links the account to its social worker (or unlinks it), so its "today" page lists that worker's work.</summary>
    public async Task<AccountRow> SetWorkerAsync(string id, AccountWorkerForm form, CancellationToken cancellationToken = default)
    {
        var account = await ManageableAsync(id, form.Version, cancellationToken);
        account.SocialWorkerId = await WorkerOfAsync(account, form.SocialWorkerId, cancellationToken);
        ThrowIfFailed(await users.UpdateAsync(account));
        return await RowAsync(account, cancellationToken);
    }

    /// <summary>
    /// A social worker the caller sees, working at the account's station now, and linked to no other
    /// account (the unique index decides a race: the loser's save fails rather than linking twice).
    /// </summary>
    private async Task<int?> WorkerOfAsync(Account account, int? workerId, CancellationToken cancellationToken)
    {
        if (workerId is not { } id)
        {
            return null;
        }
        if (account.Role is not (AccountRole.StationManager or AccountRole.SocialWorker))
        {
            throw RequestProblem.Invalid("socialWorkerId", ProblemText.AccountWorkerStationStaffOnly);
        }
        if (!await db.SocialWorkers.AnyAsync(w => w.Id == id && w.LeftOn == null
            && w.Assignments.Any(a => a.StationId == account.StationId && a.To == null), cancellationToken))
        {
            throw RequestProblem.Invalid("socialWorkerId", Problems.Format(ProblemText.AccountWorkerNotAtStation, id));
        }
        // Named only when the caller may see that account; one outside the scope still meets the unique index (409).
        var other = await db.Users.Where(a => a.SocialWorkerId == id && a.Id != account.Id)
            .Select(a => a.UserName).FirstOrDefaultAsync(cancellationToken);
        return other is null ? id : throw RequestProblem.Conflict(Problems.Format(ProblemText.AccountWorkerTaken, other));
    }

    /// <summary>Sets a new password, lifts a lockout and ends the account's sessions, in one save.</summary>
    public async Task<AccountRow> ResetPasswordAsync(string id, PasswordResetForm form, CancellationToken cancellationToken = default)
    {
        FormValidation.ThrowIfInvalid(form);
        var account = await ManageableAsync(id, form.Version, cancellationToken);
        await CheckPasswordAsync(account, form.Password!);
        account.PasswordHash = users.PasswordHasher.HashPassword(account, form.Password!);
        account.LockoutEnd = null;
        account.AccessFailedCount = 0;
        account.SecurityStamp = Guid.NewGuid().ToString("N");
        ThrowIfFailed(await users.UpdateAsync(account));
        return await RowAsync(account, cancellationToken);
    }

    private static RequestProblem UserNameTaken(Account account) =>
        RequestProblem.Conflict(Problems.Format(ProblemText.AccountUserNameTaken, account.UserName));

    private static bool IsUserNameTaken(DbUpdateException ex) =>
        ex.InnerException?.Message is { } message
        && (message.Contains("UserNameIndex", StringComparison.Ordinal) || message.Contains("AspNetUsers.NormalizedUserName", StringComparison.Ordinal));

    /// <summary>
    /// The account, if the caller may manage it and it is still as the caller read it. Identity's save also writes under the
    /// stamp it loaded, so a change committed in between still fails (<see cref="ThrowIfFailed"/>) instead of being overwritten.
    /// </summary>
    private async Task<Account> ManageableAsync(string id, string? version, CancellationToken cancellationToken)
    {
        user.Require<Account>(AccessAction.Update);
        var account = await db.Users.FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw RequestProblem.NotFound(Problems.Format(ProblemText.AccountNoAccountId, id));
        if (account.Id == user.Id || !AccessTable.ManageableBy(user.Role).Contains(account.Role))
        {
            throw RequestProblem.Forbidden(ProblemText.AccountYouManageAccount);
        }
        if (string.IsNullOrEmpty(version))
        {
            throw RequestProblem.Invalid("version", Versioning.MissingMessage);
        }
        return account.ConcurrencyStamp == version ? account : throw Versioning.Stale();
    }

    /// <summary>The region an account of <paramref name="role"/> is scoped to, checked against the creator's scope.</summary>
    private async Task<string> RegionOfAsync(AccountForm form, AccountRole role, CancellationToken cancellationToken)
    {
        if (role is AccountRole.StationManager or AccountRole.SocialWorker)
        {
            var stationId = form.StationId ?? throw RequestProblem.Invalid("stationId", ProblemText.AccountStationRequiredStationStaff);
            // Filtered by the caller's scope: a station outside it answers like one that does not exist.
            var code = await db.Stations.Where(s => s.Id == stationId).Select(s => s.RegionCode).FirstOrDefaultAsync(cancellationToken)
                ?? throw RequestProblem.Invalid("stationId", Problems.Format(ProblemText.NoStationWithId, stationId));
            return InScope(code);
        }
        if (role == AccountRole.AgencyManager)
        {
            var agencyId = form.AgencyId ?? throw RequestProblem.Invalid("agencyId", ProblemText.AccountAgencyRequiredAgencyManager);
            // Filtered by the caller's scope: an agency outside it answers like one that does not exist.
            if (!await db.Agencies.AnyAsync(a => a.Id == agencyId, cancellationToken))
            {
                throw RequestProblem.Invalid("agencyId", Problems.Format(ProblemText.NoAgencyWithId, agencyId));
            }
        }
        var regionCode = form.RegionCode ?? (role == AccountRole.AgencyManager ? user.RegionCode : null);
        if (RegionCode.Problem(regionCode) is { } problem)
        {
            throw RequestProblem.Invalid("regionCode", problem);
        }
        var region = await db.Regions.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(r => r.Code == regionCode, cancellationToken)
            ?? throw RequestProblem.Invalid("regionCode", Problems.Format(ProblemText.NoRegionWithCode, regionCode));
        var needed = role switch
        {
            AccountRole.CityOfficer => RegionLevel.City,
            AccountRole.CountyOfficer => RegionLevel.County,
            _ => (RegionLevel?)null,
        };
        if (needed is { } level && region.Level != level)
        {
            throw RequestProblem.Invalid("regionCode", Problems.Format(ProblemText.AccountScopedRegion, role, level));
        }
        return InScope(region.Code);
    }

    private string InScope(string code) => db.Scope.Contains(code)
        ? code
        : throw RequestProblem.Forbidden(ProblemText.AccountScopeOutside);

    private async Task CheckPasswordAsync(Account account, string password)
    {
        foreach (var validator in users.PasswordValidators)
        {
            if (!(await validator.ValidateAsync(users, account, password)).Succeeded)
            {
                throw RequestProblem.Invalid("password", PasswordRule);
            }
        }
    }

    private static void ThrowIfFailed(IdentityResult result)
    {
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)))
        {
            throw Versioning.Stale();
        }
        if (!result.Succeeded)
        {
            throw RequestProblem.Invalid("userName", string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    private async Task<AccountRow> RowAsync(Account account, CancellationToken cancellationToken)
    {
        var names = await db.Regions.AsNoTracking().Where(r => r.Code == account.RegionCode).ToDictionaryAsync(r => r.Code, r => r.Name, cancellationToken);
        return ToRow(account, names);
    }

    private static AccountRow ToRow(Account a, Dictionary<string, string> names) =>
        new(a.Id, a.UserName ?? "", a.DisplayName, a.Role, a.RegionCode, names.GetValueOrDefault(a.RegionCode, a.RegionCode),
            a.StationId, a.AgencyId, a.SocialWorkerId, a.IsDisabled, a.LockoutEnd > DateTimeOffset.UtcNow, a.CreatedAt, a.ConcurrencyStamp ?? "");
}

using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shegong.Web.Data;

namespace Shegong.Web.Features.Accounts;

/// <summary>
/// An open Blazor circuit re-reads its account every <c>Auth:RevalidationInterval</c> (default one
/// minute): a disabled account or a changed security stamp (password reset) signs the circuit out,
/// which sends the page to the sign-in page and empties the circuit's scope.
/// </summary>
public sealed class RevalidatingAccountState(ILoggerFactory logs, IServiceScopeFactory scopes, IConfiguration configuration,
    IOptions<IdentityOptions> identity) : RevalidatingServerAuthenticationStateProvider(logs)
{
    protected override TimeSpan RevalidationInterval { get; } = configuration.GetValue("Auth:RevalidationInterval", TimeSpan.FromMinutes(1));

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var id = authenticationState.User.FindFirstValue(identity.Value.ClaimsIdentity.UserIdClaimType);
        var stamp = authenticationState.User.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        if (id is null)
        {
            return false;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShegongDb>();
        return await db.Users.IgnoreQueryFilters().AsNoTracking()
            .AnyAsync(a => a.Id == id && !a.IsDisabled && a.SecurityStamp == stamp, cancellationToken);
    }
}

using Microsoft.AspNetCore.Authorization;
using Shegong.Web.Features.Accounts;

namespace Shegong.Web.Common.Access;

/// <summary>
/// Endpoint policies read from <see cref="AccessTable"/>: one policy per entity and action, checked by
/// the authorization middleware, so a refused role gets 403 before any lookup or body binding.
/// </summary>
public static class PermissionEndpoints
{
    public static string Policy(Type entityType, AccessAction action) => $"{entityType.Name}:{action}";

    public static void AddPermissionPolicies(this AuthorizationOptions options)
    {
        foreach (var entity in AccessTable.Entities)
        {
            foreach (var action in Enum.GetValues<AccessAction>())
            {
                options.AddPolicy(Policy(entity.Entity, action), p => p.RequireAssertion(c =>
                    c.Resource is HttpContext http && http.RequestServices.GetRequiredService<CurrentUser>() is { IsAuthenticated: true } user
                    && entity.Allows(user.Role, action)));
            }
        }
    }

    public static RouteHandlerBuilder RequirePermission<TEntity>(this RouteHandlerBuilder builder, AccessAction action) =>
        builder.RequireAuthorization(PolicyFor<TEntity>(action));

    public static RouteGroupBuilder RequirePermission<TEntity>(this RouteGroupBuilder builder, AccessAction action) =>
        builder.RequireAuthorization(PolicyFor<TEntity>(action));

    private static string PolicyFor<TEntity>(AccessAction action) => AccessTable.Find(typeof(TEntity)) is { } entity
        ? Policy(entity.Entity, action)
        : throw new InvalidOperationException($"{typeof(TEntity).Name} has no row in the permission table.");
}

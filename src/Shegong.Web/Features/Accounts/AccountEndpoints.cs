using Shegong.Web.Common;

namespace Shegong.Web.Features.Accounts;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/accounts").WithTags("Accounts");
        group.MapGet("/", (string? search, AccountRole? role, string? region, int? page, int? pageSize, AccountService service, CancellationToken ct) =>
            service.ListAsync(new AccountFilter(search, role, region), PageRequest.From(page, pageSize), ct));
        group.MapPost("/", async (AccountForm form, AccountService service, CancellationToken ct) =>
        {
            var created = await service.CreateAsync(form, ct);
            return Results.Created($"/api/accounts/{created.Id}", created);
        });
        group.MapPost("/{id}/disable", (string id, AccountService service, CancellationToken ct) => service.SetDisabledAsync(id, true, ct));
        group.MapPost("/{id}/enable", (string id, AccountService service, CancellationToken ct) => service.SetDisabledAsync(id, false, ct));
        group.MapPost("/{id}/reset-password", (string id, PasswordResetForm form, AccountService service, CancellationToken ct) =>
            service.ResetPasswordAsync(id, form, ct)).WithSummary("Set a new password, lift a lockout and end the account's sessions");
        group.MapGet("/me", (CurrentUser user) => new
        {
            user.Id,
            user.UserName,
            user.DisplayName,
            user.Role,
            user.RegionCode,
            user.StationId,
            user.AgencyId,
        }).WithSummary("The signed-in account");
        return app;
    }
}

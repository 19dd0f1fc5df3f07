using Microsoft.Extensions.Localization;
using Shegong.Web.Common;
using Shegong.Web.Common.Access;

namespace Shegong.Web.Features.Accounts;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/accounts").WithTags("Accounts");
        group.MapGet("/", (string? search, AccountRole? role, string? region, int? page, int? pageSize, string? sort, AccountService service, CancellationToken ct) =>
            service.ListAsync(new AccountFilter(search, role, region), PageRequest.From(page, pageSize, sort), ct)).RequirePermission<Account>(AccessAction.Read);
        group.MapGet("/export", (string? search, AccountRole? role, string? region, string? sort, AccountService service, IStringLocalizer<AccountText> t,
                TimeProvider clock, CancellationToken ct) =>
            AccountExport.StreamAsync(t, (page, c) => service.ListAsync(new AccountFilter(search, role, region), page, c), sort,
                ExcelExport.FileName("accounts", clock.GetLocalNow()), ct)).WithSummary("The filtered account list as an Excel file").RequirePermission<Account>(AccessAction.Export);
        group.MapPost("/", async (AccountForm form, AccountService service, CancellationToken ct) =>
        {
            var created = await service.CreateAsync(form, ct);
            return Results.Created($"/api/accounts/{created.Id}", created);
        }).RequirePermission<Account>(AccessAction.Create);
        group.MapPost("/{id}/disable", (string id, AccountVersionForm form, AccountService service, CancellationToken ct) =>
            service.SetDisabledAsync(id, true, form, ct)).RequirePermission<Account>(AccessAction.StatusChange);
        group.MapPost("/{id}/enable", (string id, AccountVersionForm form, AccountService service, CancellationToken ct) =>
            service.SetDisabledAsync(id, false, form, ct)).RequirePermission<Account>(AccessAction.StatusChange);
        group.MapPost("/{id}/reset-password", (string id, PasswordResetForm form, AccountService service, CancellationToken ct) =>
            service.ResetPasswordAsync(id, form, ct)).WithSummary("Set a new password, lift a lockout and end the account's sessions")
            .RequirePermission<Account>(AccessAction.Update);
        group.MapPost("/{id}/social-worker", (string id, AccountWorkerForm form, AccountService service, CancellationToken ct) =>
            service.SetWorkerAsync(id, form, ct)).WithSummary("Link a station staff account to its social worker (null unlinks)")
            .RequirePermission<Account>(AccessAction.Update);
        group.MapGet("/me", (CurrentUser user) => new
        {
            user.Id,
            user.UserName,
            user.DisplayName,
            user.Role,
            user.RegionCode,
            user.StationId,
            user.AgencyId,
            user.SocialWorkerId,
        }).WithSummary("The signed-in account");
        return app;
    }
}

/// <summary>
/// The columns of the account list's Excel export, in the words of the account page (the request's
/// language); no secrets: names, role, scope, status.
/// </summary>
public static class AccountExport
{
    public static Task<IResult> StreamAsync(IStringLocalizer<AccountText> t, Func<PageRequest, CancellationToken, Task<PagedResult<AccountRow>>> list,
        string? sort, string fileName, CancellationToken cancellationToken) => ExcelExport.StreamPages(list, sort, fileName, cancellationToken,
        (t["UserName"], r => r.UserName),
        (t["DisplayName"], r => r.DisplayName),
        (t["Role"], r => t[$"Role_{r.Role}"].Value),
        (NameText.RegionCodeDigits, r => r.RegionCode),
        (t["Region"], r => r.RegionName),
        (t["Station"], r => r.StationId),
        (t["Agency"], r => r.AgencyId),
        (t["Status"], r => (r.IsDisabled ? t["Disabled"] : r.IsLockedOut ? t["LockedOut"] : t["Active"]).Value));
}

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
        group.MapGet("/export", (string? search, AccountRole? role, string? region, string? sort, AccountService service, TimeProvider clock, CancellationToken ct) =>
            AccountExport.StreamAsync((page, c) => service.ListAsync(new AccountFilter(search, role, region), page, c), sort,
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

/// <summary>The columns of the account list's Excel export (no secrets: names, role, scope, status).</summary>
public static class AccountExport
{
    public static Task<IResult> StreamAsync(Func<PageRequest, CancellationToken, Task<PagedResult<AccountRow>>> list, string? sort, string fileName,
        CancellationToken cancellationToken) => ExcelExport.StreamPages(list, sort, fileName, cancellationToken,
        ("用户名", r => r.UserName),
        ("姓名", r => r.DisplayName),
        ("角色", r => r.Role.ToString()),
        ("区划代码", r => r.RegionCode),
        ("所在区划", r => r.RegionName),
        ("站点编号", r => r.StationId),
        ("机构编号", r => r.AgencyId),
        ("状态", r => r.IsDisabled ? "已停用" : r.IsLockedOut ? "已锁定" : "正常"));
}

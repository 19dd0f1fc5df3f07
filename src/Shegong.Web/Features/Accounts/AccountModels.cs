using System.ComponentModel.DataAnnotations;
using Shegong.Web.Common;

namespace Shegong.Web.Features.Accounts;

/// <summary>A new account: a region code for officials and viewers, a station for station staff, an agency for agency managers.</summary>
public sealed class AccountForm
{
    [Required(ErrorMessage = "请填写用户名 / user name is required")]
    [RegularExpression("^[A-Za-z0-9._@-]{3,50}$", ErrorMessage = "用户名为3到50位字母、数字或 . _ @ - / user name is 3 to 50 letters, digits or . _ @ -")]
    public string? UserName { get; set; }

    [Required(ErrorMessage = "请填写密码 / password is required")]
    public string? Password { get; set; }

    [Required(ErrorMessage = "请填写姓名 / display name is required")]
    [StringLength(50, ErrorMessage = "姓名不能超过50个字 / display name is at most 50 characters")]
    public string? DisplayName { get; set; }

    [Required(ErrorMessage = "请选择角色 / role is required")]
    public AccountRole? Role { get; set; }

    public string? RegionCode { get; set; }
    public int? StationId { get; set; }
    public int? AgencyId { get; set; }
}

public sealed class PasswordResetForm
{
    [Required(ErrorMessage = "请填写新密码 / password is required")]
    public string? Password { get; set; }
}

public sealed record AccountRow(
    string Id,
    string UserName,
    string DisplayName,
    AccountRole Role,
    string RegionCode,
    string RegionName,
    int? StationId,
    int? AgencyId,
    bool IsDisabled,
    bool IsLockedOut,
    DateTime CreatedAt);

public sealed record AccountFilter(string? Search = null, AccountRole? Role = null, string? Region = null) : IQueryFilter<AccountFilter>
{
    public static AccountFilter FromQuery(QueryValues q) => new(q.String("search"), q.Enum<AccountRole>("role"), q.String("region"));

    public IEnumerable<KeyValuePair<string, string?>> ToQuery() => QueryValues.Of(("search", Search), ("role", Role), ("region", Region));
}

using System.ComponentModel.DataAnnotations;
using Shegong.Web.Common;

namespace Shegong.Web.Features.Accounts;

/// <summary>A new account: a region code for officials and viewers, a station for station staff, an agency for agency managers.</summary>
public sealed class AccountForm
{
    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.AccountUserNameRequired))]
    [RegularExpression("^[A-Za-z0-9._@-]{3,50}$", ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.AccountUserNameLettersDigits))]
    public string? UserName { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.AccountPasswordRequired))]
    public string? Password { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.AccountDisplayNameRequired))]
    [StringLength(50, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.AccountDisplayNameCharacters))]
    public string? DisplayName { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.AccountRoleRequired))]
    public AccountRole? Role { get; set; }

    public string? RegionCode { get; set; }
    public int? StationId { get; set; }
    public int? AgencyId { get; set; }

    /// <summary>For station staff: the social worker the account belongs to (working at its station).</summary>
    public int? SocialWorkerId { get; set; }
}

/// <summary>Links a station staff account to its social worker, or unlinks it (null).</summary>
public sealed record AccountWorkerForm(int? SocialWorkerId, string? Version = null);

/// <summary>An action on an account as the caller last read it (<see cref="AccountRow.Version"/>).</summary>
public sealed record AccountVersionForm(string? Version);

public sealed class PasswordResetForm
{
    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.AccountNewPasswordRequired))]
    public string? Password { get; set; }

    /// <summary>The account's version as the caller last read it (<see cref="AccountRow.Version"/>).</summary>
    public string? Version { get; set; }
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
    int? SocialWorkerId,
    bool IsDisabled,
    bool IsLockedOut,
    DateTime CreatedAt,
    // Identity's concurrency stamp: an action sends it back, and one on an account changed since is a 409.
    string Version);

public sealed record AccountFilter(string? Search = null, AccountRole? Role = null, string? Region = null) : IQueryFilter<AccountFilter>
{
    public static AccountFilter FromQuery(QueryValues q) => new(q.String("search"), q.Enum<AccountRole>("role"), q.String("region"));

    public IEnumerable<KeyValuePair<string, string?>> ToQuery() => QueryValues.Of(("search", Search), ("role", Role), ("region", Region));
}

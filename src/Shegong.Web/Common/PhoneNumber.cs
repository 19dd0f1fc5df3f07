using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace Shegong.Web.Common;

/// <summary>Mainland China phone numbers: 11-digit mobiles and landlines with area code.</summary>
public static partial class PhoneNumber
{
    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex Mobile();

    // Area code 0xx or 0xxx, local number of 7–8 digits, optional extension.
    [GeneratedRegex(@"^0\d{2,3}-?\d{7,8}(-\d{1,6})?$")]
    private static partial Regex Landline();

    public static bool IsMobile(string value) => Mobile().IsMatch(value);

    public static bool IsValid(string value) => IsMobile(value) || Landline().IsMatch(value);

    /// <summary>Drops spaces and a leading +86/0086, the ways people usually type a mobile number.</summary>
    public static string Normalize(string value)
    {
        var compact = string.Concat(value.Where(c => !char.IsWhiteSpace(c)));
        foreach (var prefix in (string[])["+86", "0086"])
        {
            if (compact.StartsWith(prefix, StringComparison.Ordinal) && compact.Length == prefix.Length + 11)
            {
                return compact[prefix.Length..];
            }
        }
        return compact;
    }

    /// <summary>Why a value is not a mainland mobile number, or null when it is.</summary>
    public static string? MobileProblem(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return ProblemText.PhoneMobileNumberRequired;
        }
        var number = Normalize(value);
        if (number.Length != 11 || !number.All(char.IsAsciiDigit))
        {
            return Problems.Format(ProblemText.PhoneMobileNumberDigits, number);
        }
        return IsMobile(number) ? null : Problems.Format(ProblemText.PhoneMobileNumberStarts, number[..2]);
    }
}

/// <summary>Accepts a mainland mobile number (or nothing: use [Required] for that), saying what is wrong.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MobileNumberAttribute : ValidationAttribute
{
    public MobileNumberAttribute()
        : base(() => ProblemText.PhoneMobileNumberInvalid)
    {
    }

    /// <summary>The same verdict for callers that only ask yes or no (Ant Design's form rules); without it they crash.</summary>
    public override bool IsValid(object? value) => value is null or string { Length: 0 } || (value is string s && PhoneNumber.MobileProblem(s) is null);

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is null || value is string { Length: 0 })
        {
            return ValidationResult.Success;
        }
        var problem = value is string s ? PhoneNumber.MobileProblem(s) : ProblemText.PhoneMobileNumberText;
        return problem is null
            ? ValidationResult.Success
            : new ValidationResult(problem, validationContext.MemberName is { } m ? [m] : null);
    }
}

/// <summary>Accepts a mobile or landline number (or nothing: use [Required] for that).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PhoneNumberAttribute : ValidationAttribute
{
    public PhoneNumberAttribute()
        : base(() => ProblemText.PhoneFormat)
    {
    }

    public override bool IsValid(object? value) =>
        value is null || (value is string s && (s.Length == 0 || PhoneNumber.IsValid(s)));
}

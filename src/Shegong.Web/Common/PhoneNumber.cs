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
}

/// <summary>Accepts a mobile or landline number (or nothing: use [Required] for that).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PhoneNumberAttribute : ValidationAttribute
{
    public PhoneNumberAttribute()
        : base("电话号码格式不正确，应为11位手机号或带区号的固定电话（如 028-86123456） / phone must be an 11-digit mobile or a landline with area code")
    {
    }

    public override bool IsValid(object? value) =>
        value is null || (value is string s && (s.Length == 0 || PhoneNumber.IsValid(s)));
}

using System.ComponentModel.DataAnnotations;

namespace Shegong.Web.Common.Validation;

/// <summary>
/// The unified social credit code (统一社会信用代码) of GB 32100: 18 characters from
/// <c>0-9A-HJ-NPQRTUWXY</c> (no I, O, S, V, Z), a registration authority, an organisation type,
/// a 6-digit region code, a 9-character organisation code, and a check character computed
/// with weights 3^(i−1) mod 31.
/// </summary>
public static class CreditCode
{
    public const int Length = 18;
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    public static string Normalize(string value) => value.Trim().ToUpperInvariant();

    /// <summary>Why the code is not a valid unified social credit code, or null when it is.</summary>
    public static string? Problem(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return ProblemText.CreditCodeRequired;
        }
        var code = Normalize(value);
        if (code.Length != Length)
        {
            return Problems.Format(ProblemText.CreditCodeLength, code.Length);
        }
        var bad = code.FirstOrDefault(c => !Alphabet.Contains(c));
        if (bad != default)
        {
            return Problems.Format(ProblemText.CreditCodeBadCharacter, bad);
        }
        if (!code[2..8].All(char.IsAsciiDigit))
        {
            return Problems.Format(ProblemText.CreditCodeRegionDigits, code[2..8]);
        }
        // Only that the number is wrong: naming the digit that would pass invites typing it in.
        if (code[17] != CheckCharacterOf(code))
        {
            return ProblemText.CreditCodeCheckCharacterWrong;
        }
        return null;
    }

    public static bool IsValid(string? value) => Problem(value) is null;

    /// <summary>The check character of the first 17 characters (all from <see cref="Alphabet"/>).</summary>
    public static char CheckCharacterOf(string code)
    {
        var sum = 0;
        var weight = 1;
        for (var i = 0; i < 17; i++)
        {
            sum += Alphabet.IndexOf(code[i], StringComparison.Ordinal) * weight;
            weight = weight * 3 % 31;
        }
        var check = 31 - sum % 31;
        return Alphabet[check == 31 ? 0 : check];
    }
}

/// <summary>Accepts a valid unified social credit code (or nothing: use [Required] for that).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class CreditCodeAttribute : ValidationAttribute
{
    public CreditCodeAttribute()
        : base(() => ProblemText.CreditCodeInvalid)
    {
    }

    /// <summary>The same verdict for callers that only ask yes or no (Ant Design's form rules); without it they crash.</summary>
    public override bool IsValid(object? value) => value is null or string { Length: 0 } || (value is string s && CreditCode.Problem(s) is null);

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is null || value is string { Length: 0 })
        {
            return ValidationResult.Success;
        }
        var problem = value is string s ? CreditCode.Problem(s) : ProblemText.CreditCodeNotText;
        return problem is null
            ? ValidationResult.Success
            : new ValidationResult(problem, validationContext.MemberName is { } m ? [m] : null);
    }
}

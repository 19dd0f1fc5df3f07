using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Shegong.Web.Common.Validation;

public enum Sex
{
    Male,
    Female,
}

/// <summary>What an 18-character citizen ID number says about its holder.</summary>
public sealed record CitizenIdFacts(string Number, string RegionPrefix, DateOnly BirthDate, Sex Sex);

/// <summary>
/// The citizen ID number (公民身份号码) of GB 11643: a 6-digit region, the birth date as
/// yyyyMMdd, a 3-digit sequence (odd for men, even for women) and an ISO 7064 MOD 11-2 check
/// character (0–9 or X). Everything the number itself says lives here.
/// </summary>
public static class CitizenId
{
    public const int Length = 18;

    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    // Province-level codes of GB/T 2260 (mainland, Taiwan, Hong Kong, Macao).
    private static readonly HashSet<string> Provinces =
    [
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
        "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
        "71", "81", "82",
    ];

    /// <summary>Upper-case, trimmed; a lower-case x is a common way to type the check character.</summary>
    public static string Normalize(string value) => value.Trim().ToUpperInvariant();

    /// <summary>Why the number is not a valid citizen ID number, or null when it is.</summary>
    public static string? Problem(string? value, DateOnly? today = null)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return ProblemText.CitizenIdRequired;
        }
        var number = Normalize(value);
        if (number.Length != Length)
        {
            return Problems.Format(ProblemText.CitizenIdLength, number.Length);
        }
        if (!number[..17].All(char.IsAsciiDigit) || !(char.IsAsciiDigit(number[17]) || number[17] == 'X'))
        {
            return ProblemText.CitizenIdDigits;
        }
        if (!Provinces.Contains(number[..2]) || number[2..6] == "0000")
        {
            return Problems.Format(ProblemText.CitizenIdRegionPrefix, number[..6]);
        }
        if (BirthDateOf(number) is not { } birth)
        {
            return Problems.Format(ProblemText.CitizenIdBirthDateDoesNotExist, number[6..14]);
        }
        var limit = today ?? DateOnly.FromDateTime(DateTime.Today);
        if (birth > limit || birth.Year < 1850)
        {
            return Problems.Format(ProblemText.CitizenIdBirthDateImpossible, number[6..14]);
        }
        // Only that the number is wrong: naming the digit that would pass invites typing it in.
        if (number[17] != CheckCharacterOf(number))
        {
            return ProblemText.CitizenIdCheckDigitWrong;
        }
        return null;
    }

    public static bool IsValid(string? value) => Problem(value) is null;

    /// <summary>The facts of a valid number; throws for an invalid one (check <see cref="Problem"/> first).</summary>
    public static CitizenIdFacts Parse(string value)
    {
        if (Problem(value) is { } problem)
        {
            throw new FormatException(problem);
        }
        var number = Normalize(value);
        var sex = (number[16] - '0') % 2 == 1 ? Sex.Male : Sex.Female;
        return new CitizenIdFacts(number, number[..6], BirthDateOf(number)!.Value, sex);
    }

    /// <summary>The ISO 7064 MOD 11-2 check character of the first 17 digits.</summary>
    public static char CheckCharacterOf(string number)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (number[i] - '0') * Weights[i];
        }
        return CheckCharacters[sum % 11];
    }

    private static DateOnly? BirthDateOf(string number) =>
        DateOnly.TryParseExact(number.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;
}

/// <summary>Accepts a valid citizen ID number (or nothing: use [Required] for that), saying what is wrong.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class CitizenIdAttribute : ValidationAttribute
{
    public CitizenIdAttribute()
        : base(() => ProblemText.CitizenIdInvalid)
    {
    }

    /// <summary>The same verdict for callers that only ask yes or no (Ant Design's form rules); without it they crash.</summary>
    public override bool IsValid(object? value) => value is null or string { Length: 0 } || (value is string s && CitizenId.Problem(s) is null);

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is null || value is string { Length: 0 })
        {
            return ValidationResult.Success;
        }
        var problem = value is string s ? CitizenId.Problem(s) : ProblemText.CitizenIdNotText;
        return problem is null
            ? ValidationResult.Success
            : new ValidationResult(problem, validationContext.MemberName is { } m ? [m] : null);
    }
}

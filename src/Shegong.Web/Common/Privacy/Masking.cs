namespace Shegong.Web.Common.Privacy;

/// <summary>How personal data is shown unless revealed: enough to recognise, not enough to use.</summary>
public static class Masking
{
    /// <summary><c>510105199003071233</c> → <c>510105********1233</c>.</summary>
    public static string IdNumber(string? value) => value switch
    {
        null or "" => "",
        { Length: 18 } => value[..6] + new string('*', 8) + value[^4..],
        { Length: > 4 } => new string('*', value.Length - 4) + value[^4..],
        _ => new string('*', value.Length),
    };

    /// <summary><c>13812345678</c> → <c>138****5678</c>; a landline keeps its area code and last two digits.</summary>
    public static string Phone(string? value) => value switch
    {
        null or "" => "",
        { Length: 11 } when !value.Contains('-') => value[..3] + "****" + value[^4..],
        _ when value.IndexOf('-') is var dash and > 0 && value.Length - dash > 3 =>
            value[..(dash + 1)] + new string('*', value.Length - dash - 3) + value[^2..],
        { Length: > 4 } => new string('*', value.Length - 4) + value[^4..],
        _ => new string('*', value.Length),
    };
}

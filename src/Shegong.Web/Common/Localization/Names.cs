using System.Globalization;

namespace Shegong.Web.Common.Localization;

/// <summary>
/// Words for code names in the current UI culture, from Resources/Common/NameText(.en).resx:
/// enumeration members (<c>Enum_{Type}_{Member}</c>), entities (<c>Entity_{Name}</c>) and their
/// fields (<c>Field_{Entity}_{Field}</c>, else <c>Field_{Field}</c>). A missing word falls back to
/// the code name, which the language scan of the pages then reports.
/// </summary>
public static class Names
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum => Of(typeof(TEnum), value.ToString());

    public static string Of<TEnum>(TEnum? value) where TEnum : struct, Enum => value is { } v ? Of(v) : "";

    public static string Of(Type enumType, string member) =>
        Lookup($"Enum_{enumType.Name}_{member}") ?? member;

    public static string Entity(string entity) => Lookup($"Entity_{entity}") ?? entity;

    // An API field name (idNumber) finds the property's name (IdNumber): the audit shows both kinds.
    public static string Field(string entity, string field) =>
        Lookup($"Field_{entity}_{field}") ?? Lookup($"Field_{field}") ?? Lookup($"Field_{Pascal(field)}") ?? field;

    private static string Pascal(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..];

    /// <summary>Several values in words, joined the way the language joins a list ("或" / " or ").</summary>
    public static string Either<TEnum>(IEnumerable<TEnum> values) where TEnum : struct, Enum =>
        string.Join(ProblemText.ListSeparatorOr, values.Select(Of));

    /// <summary>A name with what tells it apart, in the language's brackets: "曹燕（1950）" / "Cao Yan (1950)".</summary>
    public static string WithDetail(string name, object? detail) =>
        string.Format(CultureInfo.CurrentCulture, NameText.WithDetail, name, detail);

    /// <summary>Names listed the way the language lists them ("甲、乙" / "A, B").</summary>
    public static string List(IEnumerable<string> items) => string.Join(NameText.ListSeparator, items);

    private static string? Lookup(string key) => NameText.ResourceManager.GetString(key, CultureInfo.CurrentUICulture);
}

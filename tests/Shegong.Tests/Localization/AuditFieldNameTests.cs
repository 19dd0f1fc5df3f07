using System.Globalization;
using System.Text.RegularExpressions;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Common.Concurrency;
using Shegong.Web.Common.Derived;
using Shegong.Web.Features.Audit;

namespace Shegong.Tests.Localization;

/// <summary>
/// The audit page names every field a change can touch in the reader's language: a field the model
/// stores but NameText does not name would show its code name (RatedAt, VisitNote) on the Chinese page.
/// </summary>
public sealed partial class AuditFieldNameTests
{
    [GeneratedRegex("[A-Za-z]")]
    private static partial Regex Latin();

    [Fact]
    public async Task Every_stored_field_of_every_entity_has_a_chinese_name_on_the_audit_page()
    {
        await using var db = TestDatabase.Open(await TestDatabase.CreateAsync(withSichuanRegions: false));
        var unnamed = new List<string>();
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        try
        {
            // Not audited: the audit itself, the framework's key ring and sign-in rows, and derived rows (the system's sums).
            foreach (var entity in db.Model.GetEntityTypes().Where(e => !e.IsOwned() && e.ClrType != typeof(AuditEntry)
                && e.ClrType != typeof(Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey) && !e.ClrType.IsGenericType
                && !typeof(IDerivedData).IsAssignableFrom(e.ClrType)))
            {
                // What the audit records of a row: its properties but the key and the version (AuditRecorder.Changes).
                foreach (var property in entity.GetProperties().Where(p => !p.IsPrimaryKey() && p.Name != Versioning.Property))
                {
                    var name = AuditChangeText.Field(entity.ClrType.Name, property.Name);
                    if (Latin().IsMatch(name))
                    {
                        unnamed.Add($"{entity.ClrType.Name}.{property.Name}");
                    }
                }
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
        Assert.True(unnamed.Count == 0, "Fields without a Chinese name (add Field_{Entity}_{Field} or Field_{Field} to NameText):\n" + string.Join("\n", unnamed));
    }

    [GeneratedRegex(@"[\u4e00-\u9fff]")]
    private static partial Regex Chinese();

    /// <summary>A Latin word; a grade such as 3A (an agency's rating) is how Chinese writes it too.</summary>
    [GeneratedRegex("[A-Za-z]{2,}")]
    private static partial Regex LatinWord();

    [Fact]
    public async Task Every_value_a_stored_enumeration_can_take_has_words_in_both_languages_on_the_audit_page()
    {
        await using var db = TestDatabase.Open(await TestDatabase.CreateAsync(withSichuanRegions: false));
        var enums = db.Model.GetEntityTypes().SelectMany(e => e.GetProperties())
            .Select(p => Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType).Where(t => t.IsEnum).Distinct().ToList();
        Assert.NotEmpty(enums);
        var missing = new List<string>();
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            foreach (var type in enums)
            {
                foreach (var member in Enum.GetNames(type))
                {
                    CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
                    var chinese = Web.Common.Localization.Names.Of(type, member);
                    CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
                    var english = Web.Common.Localization.Names.Of(type, member);
                    // A missing word falls back to the member's code name, which is Latin on the Chinese page.
                    if (LatinWord().IsMatch(chinese) || Chinese().IsMatch(english))
                    {
                        missing.Add($"{type.Name}.{member}: {chinese} / {english}");
                    }
                }
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
        Assert.True(missing.Count == 0, "Stored values without words (add Enum_{Type}_{Member} to NameText and NameText.en):\n" + string.Join("\n", missing));
    }
}

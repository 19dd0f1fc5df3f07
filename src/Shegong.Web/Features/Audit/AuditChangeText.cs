using System.Globalization;
using System.Reflection;

namespace Shegong.Web.Features.Audit;

/// <summary>
/// An audit change in words: the field's name, and values as the UI shows them (enumeration
/// members and yes/no in words, times in local time). The stored entries keep code names, so the
/// words follow the reader's language.
/// </summary>
public static class AuditChangeText
{
    private static readonly Dictionary<string, Type> Entities = typeof(AuditEntry).Assembly.GetTypes()
        .Where(t => t.IsClass && t.Namespace?.StartsWith("Shegong.Web.Features", StringComparison.Ordinal) == true)
        .GroupBy(t => t.Name).ToDictionary(g => g.Key, g => g.First());

    /// <summary>
    /// Keys never show (older entries recorded an insert's temporary key as a change), nor the random name a
    /// file is stored under: both are the system's, not the reader's; the entry keeps them.
    /// </summary>
    public static IEnumerable<AuditChange> Visible(IEnumerable<AuditChange> changes) =>
        changes.Where(c => c.Field != "Id" && !c.Field.EndsWith("StoredName", StringComparison.Ordinal));

    /// <summary>A child row's change is recorded on its parent as <c>Child.Field</c>: named "child · field".</summary>
    public static string Field(string entity, string field) => Split(entity, field) is var (child, own) && child != entity
        ? $"{Names.Entity(child)} · {Names.Field(child, own)}"
        : Names.Field(entity, field);

    /// <summary>
    /// One change as the page shows it, "状态：规划中 → 建设中" / "Status: Planned → Under construction";
    /// an insert shows only the value it set.
    /// </summary>
    public static string Line(string entity, AuditAction action, AuditChange change) =>
        Field(entity, change.Field) + NameText.FieldValueSeparator + (action == AuditAction.Created
            ? Value(entity, change.Field, change.New)
            : $"{Value(entity, change.Field, change.Old)} → {Value(entity, change.Field, change.New)}");

    /// <summary>All visible changes of an entry on one line, for the export.</summary>
    public static string Text(string entity, AuditAction action, IEnumerable<AuditChange> changes) =>
        string.Join(NameText.ListSeparatorStrong, Visible(changes).Select(c => Line(entity, action, c)));

    /// <summary>Who made the change: a person's user name, or "system" in words for system work (its task is not for readers).</summary>
    public static string User(string userName) =>
        userName.StartsWith(AuditRecorder.SystemUserPrefix, StringComparison.Ordinal) ? NameText.SystemUser : userName;

    public static string Value(string entity, string field, string? value)
    {
        (entity, field) = Split(entity, field);
        if (value is null)
        {
            return NameText.Empty;
        }
        if (value == AuditRecorder.Mask)
        {
            return NameText.Masked;
        }
        var type = Entities.GetValueOrDefault(entity)?.GetProperty(field, BindingFlags.Public | BindingFlags.Instance)?.PropertyType;
        type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            { IsEnum: true } => Names.Of(type, value),
            _ when type == typeof(bool) => bool.TryParse(value, out var b) && b ? NameText.Yes : NameText.No,
            _ when type == typeof(DateTime) && DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) =>
                at.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            // A file's kind by its format (png, pdf), as the upload hint names it, not as a media type.
            _ when field == "ContentType" && value.IndexOf('/', StringComparison.Ordinal) is var slash and > 0 => value[(slash + 1)..],
            _ => value,
        };
    }

    private static (string Entity, string Field) Split(string entity, string field) =>
        field.IndexOf('.', StringComparison.Ordinal) is var dot and > 0 ? (field[..dot], field[(dot + 1)..]) : (entity, field);
}

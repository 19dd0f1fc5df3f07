using Shegong.Web.Common.Access;
using Shegong.Web.Features.Audit;
using Shegong.Web.Features.ServiceRecords;
using Shegong.Web.Features.Services;

namespace Shegong.Web.Features.Casework;

/// <summary>
/// One contact with the resident (an intervention note): when, how, how long, what was done. It is
/// a service, so it holds its own service record (unique foreign key: exactly one), which it
/// revises when edited and takes with it when deleted.
/// </summary>
public class CaseContact : IScopedThrough<Case>
{
    public int Id { get; private set; }
    public int CaseId { get; private set; }
    public DateOnly ContactedOn { get; set; }
    public ServiceChannel Channel { get; set; }
    public int DurationMinutes { get; set; }
    public ServiceCategory Category { get; set; }
    [MaskedInAudit]
    public string Content { get; set; } = "";
    public int ServiceRecordId { get; private set; }
    public ServiceRecord Record { get; private set; } = null!;
    public DateTime CreatedAt { get; init; } = DateTime.UtcNow;

    public static CaseContact For(Case c, ContactValues values)
    {
        var contact = new CaseContact();
        contact.Apply(values);
        contact.Record = ServiceRecord.Create(ServiceSource.CaseContact, c.StationId, c.RegionCode, contact.Facts(c));
        return contact;
    }

    /// <summary>Edits the note; its service record says the same at once.</summary>
    public void Revise(Case c, ContactValues values)
    {
        Apply(values);
        Record.Revise(Facts(c));
    }

    private void Apply(ContactValues values)
    {
        ContactedOn = values.ContactedOn;
        Channel = values.Channel;
        DurationMinutes = values.DurationMinutes;
        Category = values.Category;
        Content = values.Content.Trim();
    }

    // The case's resident is the one person served, by the case's worker: person-times 1.
    private ServiceFacts Facts(Case c) =>
        new(ContactedOn, Category, ServiceMethod.Casework, Channel, DurationMinutes, [c.WorkerId], [c.ResidentId], 0, Content: Content);
}

/// <summary>The checked values of a contact form.</summary>
public sealed record ContactValues(DateOnly ContactedOn, ServiceChannel Channel, int DurationMinutes, ServiceCategory Category, string Content);

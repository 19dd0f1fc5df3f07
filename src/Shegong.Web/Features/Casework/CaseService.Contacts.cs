using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Common.Concurrency;

namespace Shegong.Web.Features.Casework;

/// <summary>Contacts (intervention notes): each holds its one service record, revised and deleted with it.</summary>
public sealed partial class CaseService
{
    public async Task<CaseDetail> AddContactAsync(int id, ContactForm form, CancellationToken cancellationToken = default)
    {
        var c = await TrackedAsync(id, cancellationToken);
        Versioning.Expect(db, c, form.Version);
        var values = Checked(c, form);
        c.Contacts.Add(CaseContact.For(c, values));
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    public async Task<CaseDetail> UpdateContactAsync(int id, int contactId, ContactForm form, CancellationToken cancellationToken = default)
    {
        var c = await TrackedAsync(id, cancellationToken);
        Versioning.Expect(db, c, form.Version);
        var contact = await ContactAsync(c, contactId, cancellationToken);
        contact.Revise(c, Checked(c, form));
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    public async Task<CaseDetail> DeleteContactAsync(int id, int contactId, uint? version, CancellationToken cancellationToken = default)
    {
        var c = await TrackedAsync(id, cancellationToken);
        Versioning.Expect(db, c, version);
        if (c.Stage == CaseStage.Closed)
        {
            throw RequestProblem.Conflict("已结案的个案不能修改服务记录，请先重新开案 / a closed case's contacts cannot change; reopen it first");
        }
        var contact = await ContactAsync(c, contactId, cancellationToken);
        c.Contacts.Remove(contact);
        db.Remove(contact);
        db.Remove(contact.Record);
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    private async Task<CaseContact> ContactAsync(Case c, int contactId, CancellationToken cancellationToken)
    {
        var contact = c.Contacts.FirstOrDefault(x => x.Id == contactId)
            ?? throw RequestProblem.NotFound($"此个案没有编号为{contactId}的服务记录 / this case has no contact {contactId}");
        await db.Entry(contact).Reference(x => x.Record).Query().Include(r => r.Workers).Include(r => r.Beneficiaries).LoadAsync(cancellationToken);
        return contact;
    }

    private ContactValues Checked(Case c, ContactForm form)
    {
        FormValidation.ThrowIfInvalid(form);
        if (c.Stage == CaseStage.Closed)
        {
            throw RequestProblem.Conflict("已结案的个案不能修改服务记录，请先重新开案 / a closed case's contacts cannot change; reopen it first");
        }
        var on = form.ContactedOn!.Value;
        if (on > Today)
        {
            throw RequestProblem.Invalid("contactedOn", "服务日期不能晚于今天 / a contact cannot be dated in the future");
        }
        if (on < c.OpenedOn)
        {
            throw RequestProblem.Invalid("contactedOn", $"服务日期不能早于开案日期（{c.OpenedOn:yyyy-MM-dd}） / a contact cannot be before the case opened ({c.OpenedOn:yyyy-MM-dd})");
        }
        return new ContactValues(on, form.Channel!.Value, form.DurationMinutes!.Value, form.Category!.Value, form.Content!.Trim());
    }
}

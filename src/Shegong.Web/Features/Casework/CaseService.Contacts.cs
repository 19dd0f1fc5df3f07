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
            throw RequestProblem.Conflict(ProblemText.CaseClosedCaseSContactsCannotChangeReopen);
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
            ?? throw RequestProblem.NotFound(Problems.Format(ProblemText.CaseCaseNoContact, contactId));
        await db.Entry(contact).Reference(x => x.Record).Query().Include(r => r.Workers).Include(r => r.Beneficiaries).LoadAsync(cancellationToken);
        return contact;
    }

    private ContactValues Checked(Case c, ContactForm form)
    {
        FormValidation.ThrowIfInvalid(form);
        if (c.Stage == CaseStage.Closed)
        {
            throw RequestProblem.Conflict(ProblemText.CaseClosedCaseSContactsCannotChangeReopen);
        }
        var on = form.ContactedOn!.Value;
        if (on > Today)
        {
            throw RequestProblem.Invalid("contactedOn", ProblemText.CaseContactCannotDatedInFuture);
        }
        if (on < c.OpenedOn)
        {
            throw RequestProblem.Invalid("contactedOn", Problems.Format(ProblemText.CaseContactCannotBeforeCaseOpened, c.OpenedOn));
        }
        return new ContactValues(on, form.Channel!.Value, form.DurationMinutes!.Value, form.Category!.Value, form.Content!.Trim());
    }
}

using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Common.Concurrency;
using Shegong.Web.Data;
using Shegong.Web.Features.ServiceRecords;

namespace Shegong.Web.Features.Linkage.Donations;

/// <summary>
/// Links of a donation to needs. A link makes its one resource-linking service record in the same save and removes it
/// when undone: "yuan linked" comes only from here. Every link rewrites the donation under the version read, so two
/// links racing for the last yuan cannot both be saved (the loser gets the 409).
/// </summary>
public sealed class DonationLinkService(ShegongDb db, DonationService donations, TimeProvider clock)
{
    public async Task<DonationDetail> AddAsync(int donationId, DonationLinkForm form, CancellationToken cancellationToken = default)
    {
        var donation = await db.Set<Donation>().Include(d => d.Links).FirstOrDefaultAsync(d => d.Id == donationId, cancellationToken)
            ?? throw DonationService.NotFound(donationId);
        FormValidation.ThrowIfInvalid(form);
        Versioning.Expect(db, donation, form.Version);
        LinkTargets.CheckCents("amountYuan", form.AmountYuan!.Value);
        if (form.LinkedOn > DateOnly.FromDateTime(clock.GetLocalNow().DateTime))
        {
            throw RequestProblem.Invalid("linkedOn", ProblemText.OrganisationDateInFuture);
        }
        var facts = await LinkTargets.FactsAsync(db, form.Target!.Value, form.TargetId!.Value, form.AmountYuan.Value, form.LinkedOn!.Value,
            donation.Description, cancellationToken);
        var record = ServiceRecord.Create(ServiceSource.DonationLink, donation.StationId, donation.RegionCode, facts);
        donation.Link(form.Target.Value, form.TargetId.Value, form.AmountYuan.Value, form.LinkedOn.Value, record);
        await db.SaveChangesAsync(cancellationToken);
        return await donations.GetAsync(donationId, cancellationToken);
    }

    /// <summary>Undoes a link: its record goes with it, and its yuan return to the balance.</summary>
    public async Task<DonationDetail> RemoveAsync(int donationId, int linkId, uint? version, CancellationToken cancellationToken = default)
    {
        var donation = await db.Set<Donation>().Include(d => d.Links).ThenInclude(l => l.Record).ThenInclude(r => r.Beneficiaries)
            .Include(d => d.Links).ThenInclude(l => l.Record).ThenInclude(r => r.Workers)
            .FirstOrDefaultAsync(d => d.Id == donationId, cancellationToken) ?? throw DonationService.NotFound(donationId);
        var link = donation.Links.FirstOrDefault(l => l.Id == linkId)
            ?? throw RequestProblem.NotFound(Problems.Format(ProblemText.DonationLinkNotFound, donationId, linkId));
        Versioning.Expect(db, donation, version);
        donation.Unlink(link);
        db.Remove(link);
        db.Remove(link.Record);
        await db.SaveChangesAsync(cancellationToken);
        return await donations.GetAsync(donationId, cancellationToken);
    }
}

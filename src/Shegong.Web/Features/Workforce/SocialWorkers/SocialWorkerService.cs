using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Common.Concurrency;
using Shegong.Web.Common.Privacy;
using Shegong.Web.Common.Validation;
using Shegong.Web.Data;
using Shegong.Web.Features.Audit;
using Shegong.Web.Features.Stations;
using Shegong.Web.Features.Workforce.Agencies;

namespace Shegong.Web.Features.Workforce.SocialWorkers;

/// <summary>Social workers: list, read, create, edit (this file); stations, leaving and reveal (SocialWorkerActions.cs).</summary>
public sealed partial class SocialWorkerService(ShegongDb db, PersonalData personal, TimeProvider clock, RevealRecorder reveals)
{
    /// <summary>The columns the social-worker list may be sorted by.</summary>
    public static readonly SortFields<SocialWorker> Sorts = new SortFields<SocialWorker>()
        .Add("name", w => w.Name).Add("sex", w => w.Sex).Add("certification", w => w.Certification)
        .Add("status", w => w.Status).Add("region", w => w.RegionCode).Add("hiredOn", w => w.HiredOn);

    public async Task<PagedResult<SocialWorkerRow>> ListAsync(SocialWorkerFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        var query = Filtered(filter);
        var total = await query.CountAsync(cancellationToken);
        var workers = await Sorts.Apply(query, page.Sort, q => q.OrderBy(w => w.RegionCode).ThenBy(w => w.Id), q => q.ThenBy(w => w.Id)).Skip(page.Skip).Take(page.PageSize)
            .AsNoTracking().ToListAsync(cancellationToken);
        return new PagedResult<SocialWorkerRow>(await ToRowsAsync(workers, cancellationToken), total);
    }

    public async Task<SocialWorkerDetail> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        var w = await db.SocialWorkers.AsNoTracking().Include(x => x.Assignments)
            .FirstOrDefaultAsync(x => x.Id == id, cancellationToken) ?? throw NotFound(id);
        var agency = await db.Agencies.IgnoreQueryFilters().Where(a => a.Id == w.AgencyId).Select(a => a.Name).FirstAsync(cancellationToken);
        var stationIds = w.Assignments.Select(a => a.StationId).Distinct().ToList();
        var stations = await db.Stations.IgnoreQueryFilters().Where(s => stationIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        var assignments = w.Assignments.OrderBy(a => a.From).ThenBy(a => a.Id)
            .Select(a => new AssignmentRow(a.Id, a.StationId, stations[a.StationId], a.Role, a.From, a.To)).ToList();
        var hours = await db.StaffSessions.IgnoreQueryFilters().Where(s => s.Attendees.Any(a => a.SocialWorkerId == id))
            .Select(s => new { s.Date.Year, IsTraining = EF.Property<string>(s, "Kind") == "Training", s.Hours })
            .ToListAsync(cancellationToken);
        var byYear = hours.GroupBy(h => h.Year).OrderBy(g => g.Key)
            .Select(g => new HoursRow(g.Key, g.Where(h => h.IsTraining).Sum(h => h.Hours), g.Where(h => !h.IsTraining).Sum(h => h.Hours))).ToList();
        // The birth date is hidden in the masked ID number, so only the age is shown (a reveal of the ID number shows the rest).
        return new SocialWorkerDetail(w.Id, w.Name, w.Sex, AgeOn(w.BirthDate, Today), w.IdNumberMasked, w.PhoneMasked ?? "",
            w.NativeCountyCode, w.Education, w.Major,
            w.GraduationYear, w.Certification, w.CertificateNumber, w.CertificateYear, w.AgencyId, agency, w.HiredOn, w.LeftOn, w.Status,
            w.IsNewGraduate, w.IsLocal, w.ResidentStationId, w.RegionCode, assignments, byYear, w.Version);
    }

    public async Task<SocialWorkerDetail> CreateAsync(SocialWorkerForm form, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(form.IdNumber))
        {
            throw RequestProblem.Invalid("idNumber", ProblemText.CitizenIdRequired);
        }
        var agency = await CheckAsync(form, null, cancellationToken);
        var station = form.ResidentStationId is { } stationId ? await StationAsync(stationId, "residentStationId", cancellationToken) : null;
        var worker = new SocialWorker { Name = "", IdNumberCipher = "", IdNumberHash = "", NativeCountyCode = "", RegionCode = agency.RegionCode };
        Apply(form, worker);
        if (station is not null)
        {
            worker.AssignResident(station, form.HiredOn!.Value);
        }
        db.SocialWorkers.Add(worker);
        await SaveAsync(cancellationToken);
        return await GetAsync(worker.Id, cancellationToken);
    }

    public async Task<SocialWorkerDetail> UpdateAsync(int id, SocialWorkerForm form, CancellationToken cancellationToken = default)
    {
        var worker = await db.SocialWorkers.FirstOrDefaultAsync(w => w.Id == id, cancellationToken) ?? throw NotFound(id);
        Versioning.Expect(db, worker, form.Version);
        var agency = await CheckAsync(form, id, cancellationToken);
        Apply(form, worker);
        if (worker.ResidentStationId is null)
        {
            worker.RegionCode = agency.RegionCode;
        }
        await SaveAsync(cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    private IQueryable<SocialWorker> Filtered(SocialWorkerFilter f)
    {
        var query = db.SocialWorkers.AsQueryable();
        if (!string.IsNullOrEmpty(f.Region))
        {
            var (low, high) = WorkforceRegions.Range(f.Region);
            query = query.Where(w => string.Compare(w.RegionCode, low) >= 0 && string.Compare(w.RegionCode, high) <= 0);
        }
        query = f.AgencyId is { } agencyId ? query.Where(w => w.AgencyId == agencyId) : query;
        query = f.StationId is { } stationId ? query.Where(w => w.ResidentStationId == stationId) : query;
        query = f.Certification is { } level ? query.Where(w => w.Certification == level) : query;
        query = f.Status is { } status ? query.Where(w => w.Status == status) : query;
        query = f.NewGraduate is { } graduate ? query.Where(w => w.IsNewGraduate == graduate) : query;
        query = f.Local is { } local ? query.Where(w => w.IsLocal == local) : query;
        if (!string.IsNullOrWhiteSpace(f.Search))
        {
            var text = f.Search.Trim();
            query = query.Where(w => w.Name.Contains(text));
        }
        return query;
    }

    /// <summary>Form rules, the certificate, the agency (visible), and one record per ID number.</summary>
    private async Task<Agency> CheckAsync(SocialWorkerForm form, int? workerId, CancellationToken cancellationToken)
    {
        FormValidation.ThrowIfInvalid(form);
        if (form.Certification != CertificationLevel.None)
        {
            if (string.IsNullOrWhiteSpace(form.CertificateNumber))
            {
                throw RequestProblem.Invalid("certificateNumber", ProblemText.SocialWorkerCertificateNumberRequired);
            }
            if (form.CertificateYear is null)
            {
                throw RequestProblem.Invalid("certificateYear", ProblemText.SocialWorkerCertificateYearRequired);
            }
        }
        var agency = await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == form.AgencyId, cancellationToken)
            ?? throw RequestProblem.Invalid("agencyId", Problems.Format(ProblemText.NoAgencyWithId, form.AgencyId));
        if (!string.IsNullOrWhiteSpace(form.IdNumber))
        {
            var hashes = personal.Hashes(PersonalField.IdNumber, CitizenId.Normalize(form.IdNumber));
            var other = await db.SocialWorkers.IgnoreQueryFilters().Where(w => hashes.Contains(w.IdNumberHash) && w.Id != workerId)
                .Select(w => new { w.Id, w.RegionCode, w.Name }).FirstOrDefaultAsync(cancellationToken);
            if (other is not null)
            {
                // Inside the user's scope the answer points at the existing record; outside it says only that one exists.
                throw db.Scope.Contains(other.RegionCode)
                    ? RequestProblem.Conflict(Problems.Format(ProblemText.SocialWorkerIdNumberTakenAt, other.Name)).WithLink($"/workforce/social-workers/{other.Id}")
                    : RequestProblem.Conflict(ProblemText.SocialWorkerIdNumberTaken);
            }
        }
        return agency;
    }

    private void Apply(SocialWorkerForm form, SocialWorker worker)
    {
        worker.Name = form.Name!.Trim();
        if (!string.IsNullOrWhiteSpace(form.IdNumber))
        {
            var facts = CitizenId.Parse(form.IdNumber);
            worker.IdNumberCipher = personal.Encrypt(PersonalField.IdNumber, facts.Number);
            worker.IdNumberHash = personal.Hash(PersonalField.IdNumber, facts.Number);
            worker.IdNumberMasked = Masking.IdNumber(facts.Number);
            worker.BirthDate = facts.BirthDate;
            worker.Sex = facts.Sex;
            worker.NativeCountyCode = Regions.RegionCode.Pad(facts.RegionPrefix);
        }
        if (form.Phone is not null)
        {
            var phone = string.IsNullOrWhiteSpace(form.Phone) ? null : PhoneNumber.Normalize(form.Phone);
            worker.PhoneCipher = personal.EncryptOrNull(PersonalField.Phone, phone);
            worker.PhoneHash = phone is null ? null : personal.Hash(PersonalField.Phone, phone);
            worker.PhoneMasked = phone is null ? null : Masking.Phone(phone);
        }
        worker.Education = form.Education!.Value;
        worker.Major = string.IsNullOrWhiteSpace(form.Major) ? null : form.Major.Trim();
        worker.GraduationYear = form.GraduationYear;
        worker.Certification = form.Certification!.Value;
        worker.CertificateNumber = worker.IsCertified ? form.CertificateNumber?.Trim() : null;
        worker.CertificateYear = worker.IsCertified ? form.CertificateYear : null;
        worker.AgencyId = form.AgencyId!.Value;
        worker.HiredOn = form.HiredOn!.Value;
        worker.Recompute();
    }

    private async Task<Station> StationAsync(int stationId, string field, CancellationToken cancellationToken)
    {
        var station = await db.Stations.FirstOrDefaultAsync(s => s.Id == stationId, cancellationToken)
            ?? throw RequestProblem.Invalid(field, Problems.Format(ProblemText.NoStationWithId, stationId));
        return station.Status == StationStatus.Closed
            ? throw RequestProblem.Invalid(field, Problems.Format(ProblemText.SocialWorkerStationClosed, station.Name))
            : station;
    }

    private static RequestProblem NotFound(int id) => RequestProblem.NotFound(Problems.Format(ProblemText.NoSocialWorkerWithId, id));
}

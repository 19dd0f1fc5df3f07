using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Common.Concurrency;
using Shegong.Web.Common.Privacy;

namespace Shegong.Web.Features.Workforce.SocialWorkers;

/// <summary>Station assignments, leaving, and revealing personal data.</summary>
public sealed partial class SocialWorkerService
{
    public async Task<SocialWorkerDetail> AssignAsync(int id, AssignmentForm form, CancellationToken cancellationToken = default)
    {
        var worker = await LoadAsync(id, cancellationToken);
        Versioning.Expect(db, worker, form.Version);
        var station = await StationAsync(form.StationId, "stationId", cancellationToken);
        var from = form.From ?? Today;
        if (from < worker.HiredOn)
        {
            throw RequestProblem.Invalid("from", ProblemText.SocialWorkerAssignmentStartBeforeHiringDate);
        }
        if (form.Role == AssignmentRole.Resident)
        {
            worker.AssignResident(station, from);
        }
        else
        {
            worker.Support(station, from);
        }
        await SaveAsync(cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    public async Task<SocialWorkerDetail> EndAssignmentAsync(int id, int assignmentId, DateForm form, CancellationToken cancellationToken = default)
    {
        var worker = await LoadAsync(id, cancellationToken);
        Versioning.Expect(db, worker, form.Version);
        worker.EndAssignment(assignmentId, form.On ?? Today);
        await SaveAsync(cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    public async Task<SocialWorkerDetail> LeaveAsync(int id, DateForm form, CancellationToken cancellationToken = default)
    {
        var worker = await LoadAsync(id, cancellationToken);
        Versioning.Expect(db, worker, form.Version);
        worker.Leave(form.On ?? Today);
        await SaveAsync(cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    /// <summary>The plain ID number, phone or birth date of a worker in scope, once permitted and recorded.</summary>
    public async Task<RevealResult> RevealAsync(int id, RevealForm form, CancellationToken cancellationToken = default)
    {
        var field = form.Field?.Trim().ToLowerInvariant() switch
        {
            "idnumber" => "idNumber",
            "phone" => "phone",
            "birthdate" => "birthDate",
            _ => throw RequestProblem.Invalid("field", ProblemText.SocialWorkerFieldIdNumberPhoneBirthDate),
        };
        var worker = await db.SocialWorkers.AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, cancellationToken) ?? throw NotFound(id);
        if (field == "phone" && worker.PhoneCipher is null)
        {
            throw RequestProblem.NotFound(ProblemText.SocialWorkerNoPhone);
        }
        await reveals.AuthorizeAndRecordAsync<SocialWorker>(worker.Id, worker.RegionCode, field, cancellationToken);
        return new RevealResult(field, field switch
        {
            "idNumber" => personal.Decrypt(PersonalField.IdNumber, worker.IdNumberCipher),
            "phone" => personal.Decrypt(PersonalField.Phone, worker.PhoneCipher!),
            _ => worker.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    private async Task<SocialWorker> LoadAsync(int id, CancellationToken cancellationToken) =>
        await db.SocialWorkers.Include(w => w.Assignments).FirstOrDefaultAsync(w => w.Id == id, cancellationToken) ?? throw NotFound(id);

    /// <summary>Saves; a race lost on the unique ID-number hash becomes a 409, not a 500.</summary>
    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException?.Message.Contains("IdNumberHash", StringComparison.Ordinal) == true)
        {
            throw RequestProblem.Conflict(ProblemText.SocialWorkerIdNumberTaken);
        }
        catch (DbUpdateException ex) when (ex.InnerException?.Message is { } message
            && (message.Contains("UX_StationAssignments_OneOpenResidence", StringComparison.Ordinal)
                || message.Contains("UNIQUE constraint failed: StationAssignments.SocialWorkerId", StringComparison.Ordinal)))
        {
            // Another residence of the same worker was saved at the same moment: the database kept one.
            throw Versioning.Stale();
        }
    }

    private async Task<IReadOnlyList<SocialWorkerRow>> ToRowsAsync(List<SocialWorker> workers, CancellationToken cancellationToken)
    {
        var agencyIds = workers.Select(w => w.AgencyId).Distinct().ToList();
        var agencies = await db.Agencies.IgnoreQueryFilters().Where(a => agencyIds.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var stationIds = workers.Where(w => w.ResidentStationId != null).Select(w => w.ResidentStationId!.Value).Distinct().ToList();
        var stations = await db.Stations.IgnoreQueryFilters().Where(s => stationIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        return workers.Select(w => new SocialWorkerRow(w.Id, w.Name, w.Sex,
            w.IdNumberMasked, w.PhoneMasked ?? "",
            w.AgencyId, agencies.GetValueOrDefault(w.AgencyId, ""), w.ResidentStationId,
            w.ResidentStationId is { } s ? stations.GetValueOrDefault(s) : null,
            w.Certification, w.Status, w.IsNewGraduate, w.IsLocal, w.HiredOn, w.RegionCode)).ToList();
    }
}

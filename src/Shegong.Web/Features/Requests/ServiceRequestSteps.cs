using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Common.Concurrency;
using Shegong.Web.Features.Regions;
using Shegong.Web.Features.ServiceRecords;
using Shegong.Web.Features.Stations;

namespace Shegong.Web.Features.Requests;

public sealed partial class ServiceRequestService
{
    public async Task<ServiceRequestDetail> TriageAsync(int id, TriageForm form, CancellationToken cancellationToken = default)
    {
        var request = await LoadAsync(id, form.Version, cancellationToken);
        if (form.Category is not { } category)
        {
            throw RequestProblem.Invalid("category", ProblemText.GroupCategoryRequired);
        }
        var station = await db.Stations.AsNoTracking().FirstOrDefaultAsync(s => s.Id == form.StationId, cancellationToken)
            ?? throw RequestProblem.Invalid("stationId", Problems.Format(ProblemText.GroupNoStation, form.StationId));
        var (low, high) = RegionCode.SubtreeRange(station.RegionCode);
        if (station.Status != StationStatus.Operating || string.CompareOrdinal(request.RegionCode, low) < 0 || string.CompareOrdinal(request.RegionCode, high) > 0)
        {
            throw RequestProblem.Invalid("stationId", Problems.Format(ProblemText.RequestStationNotOperatingDoesNotServeVillage, station.Name));
        }
        request.Triage(station.Id, category, form.Urgent, Now);
        return await SaveAsync(request, cancellationToken);
    }

    public async Task<ServiceRequestDetail> AssignAsync(int id, AssignForm form, CancellationToken cancellationToken = default)
    {
        var request = await LoadAsync(id, form.Version, cancellationToken);
        var today = Today;
        var works = form.WorkerId is { } workerId && request.StationId is { } stationId && await db.StationAssignments.IgnoreQueryFilters()
            .AnyAsync(a => a.SocialWorkerId == workerId && a.StationId == stationId && a.From <= today && (a.To == null || a.To >= today), cancellationToken);
        if (request.Status is RequestStatus.Triaged or RequestStatus.Assigned && !works)
        {
            throw RequestProblem.Invalid("workerId", Problems.Format(ProblemText.RequestSocialWorkerDoesNotWorkAtHandling, form.WorkerId));
        }
        request.Assign(form.WorkerId ?? 0, Now);
        return await SaveAsync(request, cancellationToken);
    }

    public async Task<ServiceRequestDetail> VisitAsync(int id, VisitForm form, CancellationToken cancellationToken = default)
    {
        var request = await LoadAsync(id, form.Version, cancellationToken);
        if (form.Note?.Length > 1000)
        {
            throw RequestProblem.Invalid("note", ProblemText.RequestNoteAtMost1000Characters);
        }
        request.Visit(string.IsNullOrWhiteSpace(form.Note) ? null : form.Note.Trim(), Now);
        return await SaveAsync(request, cancellationToken);
    }

    public async Task<ServiceRequestDetail> DeclineAsync(int id, DeclineForm form, CancellationToken cancellationToken = default)
    {
        var request = await LoadAsync(id, form.Version, cancellationToken);
        if (string.IsNullOrWhiteSpace(form.Reason) || form.Reason.Length > 200)
        {
            throw RequestProblem.Invalid("reason", ProblemText.RequestGiveReasonAtMost200Characters);
        }
        request.Decline(form.Reason.Trim(), Now);
        return await SaveAsync(request, cancellationToken);
    }

    /// <summary>Completes the request and makes its one service record (source Request), in the same save.</summary>
    public async Task<ServiceRequestDetail> CompleteAsync(int id, CompleteForm form, CancellationToken cancellationToken = default)
    {
        var request = await LoadAsync(id, form.Version, cancellationToken);
        request.EnsureCanComplete();
        var record = new ServiceRecordForm
        {
            ServedOn = form.ServedOn ?? Today,
            StationId = request.StationId,
            Category = request.Category,
            Method = form.Method ?? Services.ServiceMethod.Other,
            Channel = form.Channel ?? ServiceChannel.HomeVisit,
            DurationMinutes = form.DurationMinutes,
            WorkerIds = [request.AssignedWorkerId!.Value],
            ResidentIds = request.ResidentId is { } resident ? [resident] : [],
            // A person not registered as a resident is served all the same: one of the head count.
            HeadCount = request.ResidentId is null ? 1 : 0,
            ValueYuan = form.ValueYuan,
            Content = form.Content ?? request.Need,
        };
        var station = await ServiceRecordRules.CheckAsync(db, record, Today, creating: true, cancellationToken);
        var facts = new ServiceFacts(record.ServedOn.Value, record.Category!.Value, record.Method.Value, record.Channel.Value,
            record.DurationMinutes!.Value, record.WorkerIds, record.ResidentIds, record.HeadCount.Value, record.ValueYuan, record.Content?.Trim());
        request.Complete(ServiceRecord.Create(ServiceSource.Request, station.Id, station.RegionCode, facts), Now);
        return await SaveAsync(request, cancellationToken);
    }

    public async Task<ServiceRequestDetail> RateAsync(int id, RateForm form, CancellationToken cancellationToken = default)
    {
        var request = await LoadAsync(id, form.Version, cancellationToken);
        if (form.Satisfaction is not { } score)
        {
            throw RequestProblem.Invalid("satisfaction", ProblemText.RequestSatisfactionRequired15);
        }
        if (form.Note?.Length > 200)
        {
            throw RequestProblem.Invalid("note", ProblemText.RequestNoteAtMost200Characters);
        }
        request.Rate(score, string.IsNullOrWhiteSpace(form.Note) ? null : form.Note.Trim(), Now);
        return await SaveAsync(request, cancellationToken);
    }

    private async Task<ServiceRequest> LoadAsync(int id, uint? version, CancellationToken cancellationToken)
    {
        var request = await db.ServiceRequests.FirstOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw NotFound(id);
        Versioning.Expect(db, request, version);
        return request;
    }

    private async Task<ServiceRequestDetail> SaveAsync(ServiceRequest request, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(request.Id, cancellationToken);
    }
}

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
            throw RequestProblem.Invalid("category", "请选择服务类别 / category is required");
        }
        var station = await db.Stations.AsNoTracking().FirstOrDefaultAsync(s => s.Id == form.StationId, cancellationToken)
            ?? throw RequestProblem.Invalid("stationId", $"没有编号为{form.StationId}的站点 / no station has id {form.StationId}");
        var (low, high) = RegionCode.SubtreeRange(station.RegionCode);
        if (station.Status != StationStatus.Operating || string.CompareOrdinal(request.RegionCode, low) < 0 || string.CompareOrdinal(request.RegionCode, high) > 0)
        {
            throw RequestProblem.Invalid("stationId", $"站点“{station.Name}”未在运营或不服务该村(社区) / station {station.Name} is not operating or does not serve this village");
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
            throw RequestProblem.Invalid("workerId", $"编号为{form.WorkerId}的社工不在受理站点工作 / social worker {form.WorkerId} does not work at the handling station");
        }
        request.Assign(form.WorkerId ?? 0, Now);
        return await SaveAsync(request, cancellationToken);
    }

    public async Task<ServiceRequestDetail> VisitAsync(int id, VisitForm form, CancellationToken cancellationToken = default)
    {
        var request = await LoadAsync(id, form.Version, cancellationToken);
        if (form.Note?.Length > 1000)
        {
            throw RequestProblem.Invalid("note", "上门记录不能超过1000个字 / note is at most 1000 characters");
        }
        request.Visit(string.IsNullOrWhiteSpace(form.Note) ? null : form.Note.Trim(), Now);
        return await SaveAsync(request, cancellationToken);
    }

    public async Task<ServiceRequestDetail> DeclineAsync(int id, DeclineForm form, CancellationToken cancellationToken = default)
    {
        var request = await LoadAsync(id, form.Version, cancellationToken);
        if (string.IsNullOrWhiteSpace(form.Reason) || form.Reason.Length > 200)
        {
            throw RequestProblem.Invalid("reason", "请填写不予受理的原因（200字以内） / give the reason, at most 200 characters");
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
            throw RequestProblem.Invalid("satisfaction", "请选择满意度（1到5） / satisfaction is required (1 to 5)");
        }
        if (form.Note?.Length > 200)
        {
            throw RequestProblem.Invalid("note", "评价不能超过200个字 / note is at most 200 characters");
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

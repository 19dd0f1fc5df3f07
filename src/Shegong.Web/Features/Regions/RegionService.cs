using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Common.Concurrency;
using Shegong.Web.Data;

namespace Shegong.Web.Features.Regions;

/// <summary>Reads and edits the region hierarchy; the UI and the API both call it.</summary>
public sealed class RegionService(ShegongDb db)
{
    public const int MaxSearchResults = 50;

    /// <summary>Checks a code's form (400) and that it exists (404).</summary>
    public async Task<Region> FindAsync(string code, CancellationToken cancellationToken = default)
    {
        if (RegionCode.Problem(code) is { } problem)
        {
            throw RequestProblem.Invalid("code", problem);
        }
        return await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == code, cancellationToken)
            ?? throw RequestProblem.NotFound(Problems.Format(ProblemText.NoRegionWithCode, code));
    }

    public async Task<RegionDetail> GetAsync(string code, CancellationToken cancellationToken = default)
    {
        var region = await FindAsync(code, cancellationToken);
        var childCount = await db.Regions.CountAsync(r => r.ParentCode == code, cancellationToken);
        var ancestors = RegionCode.AncestorsOf(code);
        var path = await db.Regions.AsNoTracking()
            .Where(r => ancestors.Contains(r.Code))
            .OrderBy(r => r.Code)
            .Select(r => new RegionSummary(r.Code, r.Name, r.Level, r.ParentCode, 1))
            .ToListAsync(cancellationToken);
        return new RegionDetail(region.Code, region.Name, region.Level, region.ParentCode, childCount,
            region.TownshipKind, region.VillageKind, region.UrbanRuralCode, region.IsCentralTown,
            region.IsRelocationSite, region.IsGovernancePilot, region.ResidentPopulation,
            region.UrbanResidentPopulation, path, region.Version);
    }

    public async Task<IReadOnlyList<RegionSummary>> ChildrenAsync(string code, CancellationToken cancellationToken = default)
    {
        await FindAsync(code, cancellationToken);
        return await Summaries(db.Regions.Where(r => r.ParentCode == code)).ToListAsync(cancellationToken);
    }

    /// <summary>The province roots (regions without a parent).</summary>
    public async Task<IReadOnlyList<RegionSummary>> RootsAsync(CancellationToken cancellationToken = default) =>
        await Summaries(db.Regions.Where(r => r.ParentCode == null)).ToListAsync(cancellationToken);

    /// <summary>Regions whose code starts with the digits given, or whose name contains the text.</summary>
    public async Task<IReadOnlyList<RegionSummary>> SearchAsync(string? search, CancellationToken cancellationToken = default)
    {
        var text = search?.Trim() ?? "";
        if (text.Length == 0)
        {
            throw RequestProblem.Invalid("search", ProblemText.RegionGiveNameFragmentCodePrefix);
        }
        IQueryable<Region> query;
        if (text.All(char.IsAsciiDigit))
        {
            if (text.Length > RegionCode.Length)
            {
                throw RequestProblem.Invalid("search", ProblemText.RegionCodePrefixDigits);
            }
            var low = text.PadRight(RegionCode.Length, '0');
            var high = text.PadRight(RegionCode.Length, '9');
            query = db.Regions.Where(r => string.Compare(r.Code, low) >= 0 && string.Compare(r.Code, high) <= 0);
        }
        else
        {
            query = db.Regions.Where(r => r.Name.Contains(text));
        }
        return await Summaries(query.OrderBy(r => r.Level).ThenBy(r => r.Code).Take(MaxSearchResults))
            .ToListAsync(cancellationToken);
    }

    public async Task<RegionDetail> UpdateAsync(string code, RegionForm form, CancellationToken cancellationToken = default)
    {
        FormValidation.ThrowIfInvalid(form);
        var found = await FindAsync(code, cancellationToken);
        // The regions above the scope are readable (for the path) but not editable.
        if (!db.Scope.Contains(code))
        {
            throw RequestProblem.Forbidden(Problems.Format(ProblemText.OutsideYourScope, found.Name));
        }
        if (form.UrbanResidentPopulation > form.ResidentPopulation)
        {
            throw RequestProblem.Invalid("urbanResidentPopulation",
                ProblemText.RegionUrbanResidentPopulationExceedResident);
        }
        var region = await db.Regions.FirstAsync(r => r.Code == code, cancellationToken);
        Versioning.Expect(db, region, form.Version);
        region.UrbanRuralCode = string.IsNullOrWhiteSpace(form.UrbanRuralCode) ? null : form.UrbanRuralCode;
        region.IsCentralTown = form.IsCentralTown;
        region.IsRelocationSite = form.IsRelocationSite;
        region.IsGovernancePilot = form.IsGovernancePilot;
        region.ResidentPopulation = form.ResidentPopulation;
        region.UrbanResidentPopulation = form.UrbanResidentPopulation;
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(code, cancellationToken);
    }

    private IQueryable<RegionSummary> Summaries(IQueryable<Region> query) =>
        query.OrderBy(r => r.Code).Select(r => new RegionSummary(
            r.Code, r.Name, r.Level, r.ParentCode, db.Regions.Count(c => c.ParentCode == r.Code)));
}

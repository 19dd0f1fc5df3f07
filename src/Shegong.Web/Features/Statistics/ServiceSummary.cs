using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shegong.Web.Common.Access;
using Shegong.Web.Common.Concurrency;
using Shegong.Web.Common.Derived;
using Shegong.Web.Features.Regions;
using Shegong.Web.Features.ServiceRecords;
using Shegong.Web.Features.Services;

namespace Shegong.Web.Features.Statistics;

/// <summary>
/// The leaf of the live statistics: the service records of one region code in one month, of one
/// category, method, channel and source, summed. The region is the record's own (its station's)
/// region: a township for a township station, the county's or city's own code for a county station
/// or a city centre, so every subtree is still one code range. Higher levels are summed at read
/// time. Derived data: kept by <see cref="ServiceSummaryMaintainer"/> in the same save as every
/// record, never written directly; <c>statistics verify</c> recomputes it from the records.
/// </summary>
public class ServiceSummary : IRegionScoped, IDerivedData, IVersioned
{
    public required string RegionCode { get; init; }

    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; init; }
    public ServiceCategory Category { get; init; }
    public ServiceMethod Method { get; init; }
    public ServiceChannel Channel { get; init; }

    /// <summary>Where the records came from: activities and group sessions are counted by their records.</summary>
    public ServiceSource Source { get; init; }

    public int Records { get; set; }
    public int PersonTimes { get; set; }
    public long Minutes { get; set; }
    public decimal ValueYuan { get; set; }

    /// <summary>The <see cref="Memory.StatisticsClock"/> value of the last save that changed this leaf.</summary>
    public long Stamp { get; set; }

    /// <summary>Concurrency token: two saves that count into the same leaf at once cannot both win.</summary>
    public uint Version { get; private set; }

    public SummaryKey Key => new(RegionCode, Month, Category, Method, Channel, Source);

    public bool IsEmpty => Records == 0 && PersonTimes == 0 && Minutes == 0 && ValueYuan == 0;

    public void Set(SummaryTotals totals)
    {
        Records = totals.Records;
        PersonTimes = totals.PersonTimes;
        Minutes = totals.Minutes;
        ValueYuan = totals.ValueYuan;
    }

    public SummaryTotals Totals => new(Records, PersonTimes, Minutes, ValueYuan);

    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);
}

/// <summary>The key of a leaf.</summary>
public readonly record struct SummaryKey(string RegionCode, DateOnly Month, ServiceCategory Category, ServiceMethod Method,
    ServiceChannel Channel, ServiceSource Source);

/// <summary>What a leaf holds; added up over leaves and records alike.</summary>
public readonly record struct SummaryTotals(int Records, int PersonTimes, long Minutes, decimal ValueYuan)
{
    public static SummaryTotals operator +(SummaryTotals a, SummaryTotals b) =>
        new(a.Records + b.Records, a.PersonTimes + b.PersonTimes, a.Minutes + b.Minutes, a.ValueYuan + b.ValueYuan);

    public static SummaryTotals operator -(SummaryTotals a) => new(-a.Records, -a.PersonTimes, -a.Minutes, -a.ValueYuan);

    public bool IsZero => Records == 0 && PersonTimes == 0 && Minutes == 0 && ValueYuan == 0;
}

internal sealed class ServiceSummaryConfiguration : IEntityTypeConfiguration<ServiceSummary>
{
    public void Configure(EntityTypeBuilder<ServiceSummary> builder)
    {
        builder.ToTable("ServiceSummaries");
        builder.HasKey(s => new { s.RegionCode, s.Month, s.Category, s.Method, s.Channel, s.Source });
        builder.Property(s => s.RegionCode).HasMaxLength(RegionCode.Length).IsFixedLength();
        builder.Property(s => s.ValueYuan).HasPrecision(16, 2);
        builder.Ignore(s => s.Key);
        builder.Ignore(s => s.Totals);
        builder.Ignore(s => s.IsEmpty);
        // Figures read a code range over a month range.
        builder.HasIndex(s => new { s.Month, s.RegionCode });
        // The in-memory copy asks which leaves changed since the clock value it last read.
        builder.HasIndex(s => s.Stamp);
        builder.HasOne<Region>().WithMany().HasForeignKey(s => s.RegionCode).OnDelete(DeleteBehavior.Restrict);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shegong.Web.Common.Concurrency;
using Shegong.Web.Common.Derived;
using Shegong.Web.Data;

namespace Shegong.Web.Features.Statistics.Memory;

/// <summary>
/// One row counting the saves that changed a <see cref="ServiceSummary"/> leaf. Each such save raises it by one
/// and stamps the leaves it changed with the new value, in the same transaction; its concurrency token makes
/// the saves take the values in commit order. So "clock moved past what I read" plus "leaves stamped after it"
/// tells every app process exactly which leaf-months to read again (<see cref="StatisticsMemory"/>).
/// </summary>
public class StatisticsClock : IDerivedData, IVersioned
{
    public const int TheRow = 1;

    public int Id { get; init; } = TheRow;
    public long Value { get; set; }
    public uint Version { get; private set; }
}

internal sealed class StatisticsClockConfiguration : IEntityTypeConfiguration<StatisticsClock>
{
    public void Configure(EntityTypeBuilder<StatisticsClock> builder)
    {
        builder.ToTable("StatisticsClock");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasData(new StatisticsClock { Id = StatisticsClock.TheRow, Value = 0 });
    }
}

/// <summary>
/// Runs after <see cref="ServiceSummaryMaintainer"/>: whatever changed a leaf (a record's save, or system work
/// such as <c>statistics verify --repair</c>) stamps it with the clock's next value. A retried save computes the
/// value again from the clock as read, like the leaves.
/// </summary>
public sealed class StatisticsClockMaintainer : IDerivedDataMaintainer
{
    public void Maintain(ShegongDb db, IReadOnlyList<EntityEntry> changed)
    {
        var leaves = db.ChangeTracker.Entries<ServiceSummary>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified).ToList();
        if (leaves.Count == 0)
        {
            return;
        }
        var clock = db.ChangeTracker.Entries<StatisticsClock>().Select(e => e.Entity).FirstOrDefault()
            ?? db.Set<StatisticsClock>().Single(c => c.Id == StatisticsClock.TheRow);
        var entry = db.Entry(clock);
        clock.Value = (long)entry.OriginalValues[nameof(StatisticsClock.Value)]! + 1;
        foreach (var leaf in leaves)
        {
            leaf.Entity.Stamp = clock.Value;
        }
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shegong.Web.Features.Regions;

namespace Shegong.Web.Features.Stations;

internal sealed class StationConfiguration : IEntityTypeConfiguration<Station>
{
    public void Configure(EntityTypeBuilder<Station> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(100);
        builder.Property(s => s.RegionCode).HasMaxLength(RegionCode.Length).IsFixedLength();
        builder.Property(s => s.Address).HasMaxLength(200);
        builder.Property(s => s.Phone).HasMaxLength(30);
        builder.Property(s => s.FloorArea).HasPrecision(10, 2);
        builder.HasOne<Region>().WithMany().HasForeignKey(s => s.RegionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.StatusHistory).WithOne().HasForeignKey(h => h.StationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.RegionCode, s.Level, s.Status });

        // The database itself keeps "one open station per region" for the three upper levels, so
        // two concurrent saves cannot both win. The quoted names work on SQLite and PostgreSQL.
        builder.HasIndex(s => s.RegionCode)
            .IsUnique()
            .HasDatabaseName("UX_Stations_OneOpenPerRegion")
            .HasFilter("\"Status\" <> 'Closed' AND \"Level\" <> 'VillageRoom'");
    }
}

internal sealed class StationStatusChangeConfiguration : IEntityTypeConfiguration<StationStatusChange>
{
    public void Configure(EntityTypeBuilder<StationStatusChange> builder)
    {
        builder.Property(h => h.Note).HasMaxLength(200);
        builder.HasIndex(h => h.StationId);
    }
}

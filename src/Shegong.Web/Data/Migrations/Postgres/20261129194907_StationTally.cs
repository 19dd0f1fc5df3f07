using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shegong.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StationTally : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "StationTallies",
                columns: table => new
                {
                    RegionCode = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    Level = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StationTallies", x => new { x.RegionCode, x.Level });
                    table.ForeignKey(
                        name: "FK_StationTallies_Regions_RegionCode",
                        column: x => x.RegionCode,
                        principalTable: "Regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            // Start the tallies from the stations already stored (later saves keep them).
            migrationBuilder.Sql("""
                INSERT INTO "StationTallies" ("RegionCode", "Level", "Count")
                SELECT t."Code", t."Level", COUNT(*) FROM (
                    SELECT substr(s."RegionCode", 1, 6) || '000000' AS "Code", s."Level" FROM "Stations" s
                    WHERE s."Status" <> 'Closed' AND substr(s."RegionCode", 5, 2) <> '00'
                    UNION ALL
                    SELECT substr(s."RegionCode", 1, 4) || '00000000', s."Level" FROM "Stations" s
                    WHERE s."Status" <> 'Closed' AND substr(s."RegionCode", 3, 2) <> '00'
                ) t JOIN "Regions" r ON r."Code" = t."Code"
                GROUP BY t."Code", t."Level";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StationTallies");
        }
    }
}

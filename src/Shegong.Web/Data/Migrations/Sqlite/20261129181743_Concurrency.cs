using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shegong.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Concurrency : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The audit trail is append-only in the database too: no UPDATE or DELETE of an entry,
            // whoever connects (hand-written; EF has no trigger model).
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_AuditEntries_NoUpdate" BEFORE UPDATE ON "AuditEntries"
                BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_AuditEntries_NoDelete" BEFORE DELETE ON "AuditEntries"
                BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;
                """);

            migrationBuilder.AddColumn<uint>(
                name: "Version",
                table: "Stations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "Version",
                table: "StaffSessions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "Version",
                table: "SocialWorkers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "Version",
                table: "ServiceContracts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "Version",
                table: "Regions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "Version",
                table: "Agencies",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.CreateIndex(
                name: "UX_StationAssignments_OneOpenResidence",
                table: "StationAssignments",
                column: "SocialWorkerId",
                unique: true,
                filter: "\"Role\" = 'Resident' AND \"To\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"TR_AuditEntries_NoUpdate\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"TR_AuditEntries_NoDelete\";");

            migrationBuilder.DropIndex(
                name: "UX_StationAssignments_OneOpenResidence",
                table: "StationAssignments");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Stations");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "StaffSessions");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "SocialWorkers");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "ServiceContracts");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Regions");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Agencies");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shegong.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Concurrency : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The audit trail is append-only in the database too: no UPDATE, DELETE or TRUNCATE of
            // entries, whoever connects (hand-written; EF has no trigger model).
            migrationBuilder.Sql("""
                CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'audit entries are append-only' USING ERRCODE = 'insufficient_privilege';
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_AuditEntries_AppendOnly" BEFORE UPDATE OR DELETE ON "AuditEntries"
                FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_AuditEntries_NoTruncate" BEFORE TRUNCATE ON "AuditEntries"
                FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only();
                """);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "Stations",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "StaffSessions",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "SocialWorkers",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "ServiceContracts",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "Regions",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "Agencies",
                type: "xid",
                rowVersion: true,
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
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"TR_AuditEntries_NoTruncate\" ON \"AuditEntries\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"TR_AuditEntries_AppendOnly\" ON \"AuditEntries\";");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS audit_entries_append_only();");

            migrationBuilder.DropIndex(
                name: "UX_StationAssignments_OneOpenResidence",
                table: "StationAssignments");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "Stations");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "StaffSessions");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "SocialWorkers");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "ServiceContracts");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "Regions");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "Agencies");
        }
    }
}

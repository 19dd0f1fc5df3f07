using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Shegong.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EmergencyReportGroups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EmergencyReportOrganisations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EmergencyReportId = table.Column<int>(type: "integer", nullable: false),
                    CommunityOrganisationId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmergencyReportOrganisations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EmergencyReportOrganisations_CommunityOrganisations_Communi~",
                        column: x => x.CommunityOrganisationId,
                        principalTable: "CommunityOrganisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EmergencyReportOrganisations_EmergencyReports_EmergencyRepo~",
                        column: x => x.EmergencyReportId,
                        principalTable: "EmergencyReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EmergencyReportTeams",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EmergencyReportId = table.Column<int>(type: "integer", nullable: false),
                    VolunteerTeamId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmergencyReportTeams", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EmergencyReportTeams_EmergencyReports_EmergencyReportId",
                        column: x => x.EmergencyReportId,
                        principalTable: "EmergencyReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EmergencyReportTeams_VolunteerTeams_VolunteerTeamId",
                        column: x => x.VolunteerTeamId,
                        principalTable: "VolunteerTeams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EmergencyReportOrganisations_CommunityOrganisationId",
                table: "EmergencyReportOrganisations",
                column: "CommunityOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_EmergencyReportOrganisations_EmergencyReportId_CommunityOrg~",
                table: "EmergencyReportOrganisations",
                columns: new[] { "EmergencyReportId", "CommunityOrganisationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EmergencyReportTeams_EmergencyReportId_VolunteerTeamId",
                table: "EmergencyReportTeams",
                columns: new[] { "EmergencyReportId", "VolunteerTeamId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EmergencyReportTeams_VolunteerTeamId",
                table: "EmergencyReportTeams",
                column: "VolunteerTeamId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EmergencyReportOrganisations");

            migrationBuilder.DropTable(
                name: "EmergencyReportTeams");
        }
    }
}

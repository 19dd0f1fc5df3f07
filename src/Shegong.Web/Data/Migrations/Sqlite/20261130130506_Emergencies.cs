using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shegong.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Emergencies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Emergencies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Version = table.Column<uint>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Emergencies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Emergencies_Regions_RegionCode",
                        column: x => x.RegionCode,
                        principalTable: "Regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EmergencyAreas",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EmergencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmergencyAreas", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EmergencyAreas_Emergencies_EmergencyId",
                        column: x => x.EmergencyId,
                        principalTable: "Emergencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EmergencyAreas_Regions_RegionCode",
                        column: x => x.RegionCode,
                        principalTable: "Regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EmergencyReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Version = table.Column<uint>(type: "INTEGER", nullable: false),
                    EmergencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    StationId = table.Column<int>(type: "INTEGER", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Screening = table.Column<int>(type: "INTEGER", nullable: false),
                    TestingSupport = table.Column<int>(type: "INTEGER", nullable: false),
                    SupplyDelivery = table.Column<int>(type: "INTEGER", nullable: false),
                    CareVisits = table.Column<int>(type: "INTEGER", nullable: false),
                    VolunteersMobilised = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganisationsMobilised = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmergencyReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EmergencyReports_Emergencies_EmergencyId",
                        column: x => x.EmergencyId,
                        principalTable: "Emergencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EmergencyReports_Regions_RegionCode",
                        column: x => x.RegionCode,
                        principalTable: "Regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EmergencyReports_Stations_StationId",
                        column: x => x.StationId,
                        principalTable: "Stations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Emergencies_RegionCode_StartDate",
                table: "Emergencies",
                columns: new[] { "RegionCode", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_EmergencyAreas_EmergencyId_RegionCode",
                table: "EmergencyAreas",
                columns: new[] { "EmergencyId", "RegionCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EmergencyAreas_RegionCode",
                table: "EmergencyAreas",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_EmergencyReports_EmergencyId_RegionCode_Day",
                table: "EmergencyReports",
                columns: new[] { "EmergencyId", "RegionCode", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_EmergencyReports_EmergencyId_StationId_Day",
                table: "EmergencyReports",
                columns: new[] { "EmergencyId", "StationId", "Day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EmergencyReports_RegionCode",
                table: "EmergencyReports",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_EmergencyReports_StationId",
                table: "EmergencyReports",
                column: "StationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EmergencyAreas");

            migrationBuilder.DropTable(
                name: "EmergencyReports");

            migrationBuilder.DropTable(
                name: "Emergencies");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shegong.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PilotBatches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PilotBatch",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Version = table.Column<uint>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    Budget = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    TargetCounties = table.Column<int>(type: "INTEGER", nullable: false),
                    TargetTownships = table.Column<int>(type: "INTEGER", nullable: false),
                    OpensOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ClosesOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StandardSubsidy = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PilotBatch", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PilotApplication",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Version = table.Column<uint>(type: "INTEGER", nullable: false),
                    PilotBatchId = table.Column<int>(type: "INTEGER", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PilotApplication", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PilotApplication_PilotBatch_PilotBatchId",
                        column: x => x.PilotBatchId,
                        principalTable: "PilotBatch",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PilotApplication_Regions_RegionCode",
                        column: x => x.RegionCode,
                        principalTable: "Regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PilotApplicationTownship",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PilotApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    PilotBatchId = table.Column<int>(type: "INTEGER", nullable: false),
                    TownshipCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    BuildPath = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PlannedStationName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Justification = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Subsidy = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PilotApplicationTownship", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PilotApplicationTownship_PilotApplication_PilotApplicationId",
                        column: x => x.PilotApplicationId,
                        principalTable: "PilotApplication",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PilotApplicationTownship_PilotBatch_PilotBatchId",
                        column: x => x.PilotBatchId,
                        principalTable: "PilotBatch",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PilotApplicationTownship_Regions_TownshipCode",
                        column: x => x.TownshipCode,
                        principalTable: "Regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PilotStep",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PilotApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    TownshipCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PilotStep", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PilotStep_PilotApplication_PilotApplicationId",
                        column: x => x.PilotApplicationId,
                        principalTable: "PilotApplication",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PilotProject",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Version = table.Column<uint>(type: "INTEGER", nullable: false),
                    PilotBatchId = table.Column<int>(type: "INTEGER", nullable: false),
                    PilotApplicationTownshipId = table.Column<int>(type: "INTEGER", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    GrantedSubsidy = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    AwardedSubsidy = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: true),
                    AwardedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    StationId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PilotProject", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PilotProject_PilotApplicationTownship_PilotApplicationTownshipId",
                        column: x => x.PilotApplicationTownshipId,
                        principalTable: "PilotApplicationTownship",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PilotProject_PilotBatch_PilotBatchId",
                        column: x => x.PilotBatchId,
                        principalTable: "PilotBatch",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PilotProject_Regions_RegionCode",
                        column: x => x.RegionCode,
                        principalTable: "Regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PilotProject_Stations_StationId",
                        column: x => x.StationId,
                        principalTable: "Stations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PilotDisbursement",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PilotProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    DocumentNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PilotDisbursement", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PilotDisbursement_PilotProject_PilotProjectId",
                        column: x => x.PilotProjectId,
                        principalTable: "PilotProject",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PilotApplication_PilotBatchId_RegionCode",
                table: "PilotApplication",
                columns: new[] { "PilotBatchId", "RegionCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PilotApplication_RegionCode",
                table: "PilotApplication",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_PilotApplicationTownship_PilotApplicationId",
                table: "PilotApplicationTownship",
                column: "PilotApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_PilotApplicationTownship_PilotBatchId_TownshipCode",
                table: "PilotApplicationTownship",
                columns: new[] { "PilotBatchId", "TownshipCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PilotApplicationTownship_TownshipCode",
                table: "PilotApplicationTownship",
                column: "TownshipCode");

            migrationBuilder.CreateIndex(
                name: "IX_PilotBatch_Year_Name",
                table: "PilotBatch",
                columns: new[] { "Year", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PilotDisbursement_PilotProjectId",
                table: "PilotDisbursement",
                column: "PilotProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_PilotProject_PilotApplicationTownshipId",
                table: "PilotProject",
                column: "PilotApplicationTownshipId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PilotProject_PilotBatchId_RegionCode",
                table: "PilotProject",
                columns: new[] { "PilotBatchId", "RegionCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PilotProject_RegionCode",
                table: "PilotProject",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_PilotProject_StationId",
                table: "PilotProject",
                column: "StationId");

            migrationBuilder.CreateIndex(
                name: "IX_PilotStep_PilotApplicationId",
                table: "PilotStep",
                column: "PilotApplicationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PilotDisbursement");

            migrationBuilder.DropTable(
                name: "PilotStep");

            migrationBuilder.DropTable(
                name: "PilotProject");

            migrationBuilder.DropTable(
                name: "PilotApplicationTownship");

            migrationBuilder.DropTable(
                name: "PilotApplication");

            migrationBuilder.DropTable(
                name: "PilotBatch");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shegong.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ServiceRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ServiceRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Version = table.Column<uint>(type: "INTEGER", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    Origin = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ResidentId = table.Column<int>(type: "INTEGER", nullable: true),
                    PhoneCipher = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneHash = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneMasked = table.Column<string>(type: "TEXT", nullable: true),
                    Need = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    RaisedBy = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    RaisedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Urgent = table.Column<bool>(type: "INTEGER", nullable: false),
                    StationId = table.Column<int>(type: "INTEGER", nullable: true),
                    TriagedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AssignedWorkerId = table.Column<int>(type: "INTEGER", nullable: true),
                    AssignedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    VisitedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    VisitNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ServiceRecordId = table.Column<int>(type: "INTEGER", nullable: true),
                    DeclinedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DeclineReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Satisfaction = table.Column<int>(type: "INTEGER", nullable: true),
                    SatisfactionNote = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RatedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceRequests", x => x.Id);
                    table.CheckConstraint("CK_ServiceRequests_Satisfaction", "\"Satisfaction\" IS NULL OR (\"Satisfaction\" BETWEEN 1 AND 5)");
                    table.ForeignKey(
                        name: "FK_ServiceRequests_Regions_RegionCode",
                        column: x => x.RegionCode,
                        principalTable: "Regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ServiceRequests_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ServiceRequests_ServiceRecords_ServiceRecordId",
                        column: x => x.ServiceRecordId,
                        principalTable: "ServiceRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ServiceRequests_SocialWorkers_AssignedWorkerId",
                        column: x => x.AssignedWorkerId,
                        principalTable: "SocialWorkers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ServiceRequests_Stations_StationId",
                        column: x => x.StationId,
                        principalTable: "Stations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRequests_AssignedWorkerId_Status",
                table: "ServiceRequests",
                columns: new[] { "AssignedWorkerId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRequests_RegionCode_Status",
                table: "ServiceRequests",
                columns: new[] { "RegionCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRequests_ResidentId",
                table: "ServiceRequests",
                column: "ResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRequests_ServiceRecordId",
                table: "ServiceRequests",
                column: "ServiceRecordId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRequests_StationId",
                table: "ServiceRequests",
                column: "StationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ServiceRequests");
        }
    }
}

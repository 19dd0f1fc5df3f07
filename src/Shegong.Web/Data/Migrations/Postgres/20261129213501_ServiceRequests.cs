using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Shegong.Web.Data.Migrations.Postgres
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    RegionCode = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    Origin = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ContactName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    ResidentId = table.Column<int>(type: "integer", nullable: true),
                    PhoneCipher = table.Column<string>(type: "text", nullable: true),
                    PhoneHash = table.Column<string>(type: "text", nullable: true),
                    PhoneMasked = table.Column<string>(type: "text", nullable: true),
                    Need = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    RaisedBy = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    RaisedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Urgent = table.Column<bool>(type: "boolean", nullable: false),
                    StationId = table.Column<int>(type: "integer", nullable: true),
                    TriagedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AssignedWorkerId = table.Column<int>(type: "integer", nullable: true),
                    AssignedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    VisitedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    VisitNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CompletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ServiceRecordId = table.Column<int>(type: "integer", nullable: true),
                    DeclinedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DeclineReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Satisfaction = table.Column<int>(type: "integer", nullable: true),
                    SatisfactionNote = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    RatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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

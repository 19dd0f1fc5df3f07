using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Shegong.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CommunityOrganisationsAndTeams : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CommunityOrganisations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RegionCode = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    StationId = table.Column<int>(type: "integer", nullable: false),
                    LeaderName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    MemberCount = table.Column<int>(type: "integer", nullable: false),
                    Support = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Stage = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    IncubatedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    FiledOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RegisteredOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CreditCode = table.Column<string>(type: "character(18)", fixedLength: true, maxLength: 18, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommunityOrganisations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommunityOrganisations_Regions_RegionCode",
                        column: x => x.RegionCode,
                        principalTable: "Regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CommunityOrganisations_Stations_StationId",
                        column: x => x.StationId,
                        principalTable: "Stations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VolunteerTeams",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    StationId = table.Column<int>(type: "integer", nullable: false),
                    RegionCode = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    LeaderName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    MemberCount = table.Column<int>(type: "integer", nullable: false),
                    FormedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    Activities = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VolunteerTeams", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VolunteerTeams_Regions_RegionCode",
                        column: x => x.RegionCode,
                        principalTable: "Regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_VolunteerTeams_Stations_StationId",
                        column: x => x.StationId,
                        principalTable: "Stations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CommunityOrganisations_CreditCode",
                table: "CommunityOrganisations",
                column: "CreditCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CommunityOrganisations_RegionCode_Stage",
                table: "CommunityOrganisations",
                columns: new[] { "RegionCode", "Stage" });

            migrationBuilder.CreateIndex(
                name: "IX_CommunityOrganisations_StationId",
                table: "CommunityOrganisations",
                column: "StationId");

            migrationBuilder.CreateIndex(
                name: "IX_VolunteerTeams_RegionCode_IsActive",
                table: "VolunteerTeams",
                columns: new[] { "RegionCode", "IsActive" });

            migrationBuilder.CreateIndex(
                name: "IX_VolunteerTeams_StationId",
                table: "VolunteerTeams",
                column: "StationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CommunityOrganisations");

            migrationBuilder.DropTable(
                name: "VolunteerTeams");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shegong.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class VolunteerHourPeriodIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_VolunteerHours_Status_ServedOn_RegionCode_Minutes",
                table: "VolunteerHours",
                columns: new[] { "Status", "ServedOn", "RegionCode", "Minutes" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_VolunteerHours_Status_ServedOn_RegionCode_Minutes",
                table: "VolunteerHours");
        }
    }
}

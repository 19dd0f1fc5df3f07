using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shegong.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StatisticsCoveringIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ServiceRecords_RegionCode_ServedOn",
                table: "ServiceRecords");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRecords_RegionCode_ServedOn_Category_Method_Channel",
                table: "ServiceRecords",
                columns: new[] { "RegionCode", "ServedOn", "Category", "Method", "Channel" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ServiceRecords_RegionCode_ServedOn_Category_Method_Channel",
                table: "ServiceRecords");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRecords_RegionCode_ServedOn",
                table: "ServiceRecords",
                columns: new[] { "RegionCode", "ServedOn" });
        }
    }
}

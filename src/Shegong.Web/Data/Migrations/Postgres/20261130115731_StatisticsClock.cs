using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shegong.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StatisticsClock : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "Stamp",
                table: "ServiceSummaries",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "StatisticsClock",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Value = table.Column<long>(type: "bigint", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatisticsClock", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "StatisticsClock",
                columns: new[] { "Id", "Value" },
                values: new object[] { 1, 0L });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceSummaries_Stamp",
                table: "ServiceSummaries",
                column: "Stamp");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StatisticsClock");

            migrationBuilder.DropIndex(
                name: "IX_ServiceSummaries_Stamp",
                table: "ServiceSummaries");

            migrationBuilder.DropColumn(
                name: "Stamp",
                table: "ServiceSummaries");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shegong.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AccountSocialWorker : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "SocialWorkerId",
                table: "AspNetUsers",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_SocialWorkerId",
                table: "AspNetUsers",
                column: "SocialWorkerId",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_AspNetUsers_SocialWorkers_SocialWorkerId",
                table: "AspNetUsers",
                column: "SocialWorkerId",
                principalTable: "SocialWorkers",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AspNetUsers_SocialWorkers_SocialWorkerId",
                table: "AspNetUsers");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_SocialWorkerId",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "SocialWorkerId",
                table: "AspNetUsers");
        }
    }
}

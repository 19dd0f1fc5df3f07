using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shegong.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PrivacyMaskedForms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "IdNumberMasked",
                table: "SocialWorkers",
                type: "character varying(18)",
                maxLength: 18,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PhoneMasked",
                table: "SocialWorkers",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContactPhoneMasked",
                table: "Agencies",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "IdNumberMasked",
                table: "SocialWorkers");

            migrationBuilder.DropColumn(
                name: "PhoneMasked",
                table: "SocialWorkers");

            migrationBuilder.DropColumn(
                name: "ContactPhoneMasked",
                table: "Agencies");
        }
    }
}

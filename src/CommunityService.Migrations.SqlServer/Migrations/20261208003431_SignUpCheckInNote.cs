using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunityService.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class SignUpCheckInNote : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CheckInNote",
                table: "SignUps",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CheckInNote",
                table: "SignUps");
        }
    }
}

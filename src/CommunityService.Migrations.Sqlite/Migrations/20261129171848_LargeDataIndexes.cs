using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunityService.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class LargeDataIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_ServiceRecords_DeliveredAt_DeliveryMode_DurationMinutes_ProjectId_ResidentId_RecipientName",
                table: "ServiceRecords",
                columns: new[] { "DeliveredAt", "DeliveryMode", "DurationMinutes", "ProjectId", "ResidentId", "RecipientName" });

            migrationBuilder.CreateIndex(
                name: "IX_Notices_Status_VisibleUntil_VisibleFrom_ProjectId",
                table: "Notices",
                columns: new[] { "Status", "VisibleUntil", "VisibleFrom", "ProjectId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ServiceRecords_DeliveredAt_DeliveryMode_DurationMinutes_ProjectId_ResidentId_RecipientName",
                table: "ServiceRecords");

            migrationBuilder.DropIndex(
                name: "IX_Notices_Status_VisibleUntil_VisibleFrom_ProjectId",
                table: "Notices");
        }
    }
}

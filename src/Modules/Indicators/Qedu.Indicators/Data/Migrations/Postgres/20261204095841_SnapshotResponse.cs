using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qedu.Indicators.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SnapshotResponse : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "answered",
                schema: "indicators",
                table: "snapshots",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "asked",
                schema: "indicators",
                table: "snapshots",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "answered",
                schema: "indicators",
                table: "snapshots");

            migrationBuilder.DropColumn(
                name: "asked",
                schema: "indicators",
                table: "snapshots");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qedu.Indicators.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SnapshotResponse : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "answered",
                table: "indicators_snapshots",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "asked",
                table: "indicators_snapshots",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "answered",
                table: "indicators_snapshots");

            migrationBuilder.DropColumn(
                name: "asked",
                table: "indicators_snapshots");
        }
    }
}

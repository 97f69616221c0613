using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qedu.Teachers.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EthicsReviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "teachers_ethics_bars",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    staff_id = table.Column<long>(type: "INTEGER", nullable: false),
                    reason = table.Column<int>(type: "INTEGER", nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    to = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_teachers_ethics_bars", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "teachers_ethics_reviews",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    staff_id = table.Column<long>(type: "INTEGER", nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    grade = table.Column<int>(type: "INTEGER", nullable: false),
                    comment = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    reviewed_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    reviewed_at = table.Column<long>(type: "INTEGER", nullable: false),
                    confirmed_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    confirmed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    revision = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_teachers_ethics_reviews", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_teachers_ethics_bars_staff_id_to",
                table: "teachers_ethics_bars",
                columns: new[] { "staff_id", "to" });

            migrationBuilder.CreateIndex(
                name: "ix_teachers_ethics_reviews_org_unit_id_year",
                table: "teachers_ethics_reviews",
                columns: new[] { "org_unit_id", "year" });

            migrationBuilder.CreateIndex(
                name: "ix_teachers_ethics_reviews_staff_id_year",
                table: "teachers_ethics_reviews",
                columns: new[] { "staff_id", "year" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "teachers_ethics_bars");

            migrationBuilder.DropTable(
                name: "teachers_ethics_reviews");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qedu.Teachers.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Rotation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "teachers_rotation_moves",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    district_id = table.Column<int>(type: "INTEGER", nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    staff_id = table.Column<long>(type: "INTEGER", nullable: false),
                    to_school_id = table.Column<int>(type: "INTEGER", nullable: false),
                    effective_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    backbone = table.Column<bool>(type: "INTEGER", nullable: false),
                    urban_to_rural = table.Column<bool>(type: "INTEGER", nullable: false),
                    state = table.Column<int>(type: "INTEGER", nullable: false),
                    proposed_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    proposed_at = table.Column<long>(type: "INTEGER", nullable: false),
                    decided_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    decided_at = table.Column<long>(type: "INTEGER", nullable: true),
                    applied_at = table.Column<long>(type: "INTEGER", nullable: true),
                    revision = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_teachers_rotation_moves", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_teachers_rotation_moves_district_id_year",
                table: "teachers_rotation_moves",
                columns: new[] { "district_id", "year" });

            migrationBuilder.CreateIndex(
                name: "ix_teachers_rotation_moves_staff_id_year",
                table: "teachers_rotation_moves",
                columns: new[] { "staff_id", "year" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "teachers_rotation_moves");
        }
    }
}

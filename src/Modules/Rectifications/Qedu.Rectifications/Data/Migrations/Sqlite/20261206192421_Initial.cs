using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qedu.Rectifications.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "rectifications_items",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    raised_by_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    source_kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    source_id = table.Column<long>(type: "INTEGER", nullable: false),
                    source_item_id = table.Column<long>(type: "INTEGER", nullable: true),
                    source_title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    source_url = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    finding = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    serious = table.Column<bool>(type: "INTEGER", nullable: false),
                    due_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    recheck_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    fix_permission = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    verify_permission = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    fix_needs_evidence = table.Column<bool>(type: "INTEGER", nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    raised_at = table.Column<long>(type: "INTEGER", nullable: false),
                    raised_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    fix_report = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    fixed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    fixed_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    verified_at = table.Column<long>(type: "INTEGER", nullable: true),
                    verified_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    closed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    closed_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    escalated_to_unit_id = table.Column<int>(type: "INTEGER", nullable: true),
                    escalated_at = table.Column<long>(type: "INTEGER", nullable: true),
                    returns = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rectifications_items", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "rectifications_files",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    rectification_id = table.Column<long>(type: "INTEGER", nullable: false),
                    step_id = table.Column<long>(type: "INTEGER", nullable: false),
                    hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    media_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    length = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rectifications_files", x => x.id);
                    table.ForeignKey(
                        name: "fk_rectifications_files_rectifications_items_rectification_id",
                        column: x => x.rectification_id,
                        principalTable: "rectifications_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "rectifications_steps",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    rectification_id = table.Column<long>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    due_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rectifications_steps", x => x.id);
                    table.ForeignKey(
                        name: "fk_rectifications_steps_rectifications_items_rectification_id",
                        column: x => x.rectification_id,
                        principalTable: "rectifications_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_rectifications_files_hash",
                table: "rectifications_files",
                column: "hash");

            migrationBuilder.CreateIndex(
                name: "ix_rectifications_files_rectification_id",
                table: "rectifications_files",
                column: "rectification_id");

            migrationBuilder.CreateIndex(
                name: "ix_rectifications_items_org_unit_id_state_due_on",
                table: "rectifications_items",
                columns: new[] { "org_unit_id", "state", "due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_rectifications_items_raised_by_unit_id_state",
                table: "rectifications_items",
                columns: new[] { "raised_by_unit_id", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_rectifications_items_source_kind_source_id",
                table: "rectifications_items",
                columns: new[] { "source_kind", "source_id" });

            migrationBuilder.CreateIndex(
                name: "ix_rectifications_steps_rectification_id",
                table: "rectifications_steps",
                column: "rectification_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "rectifications_files");

            migrationBuilder.DropTable(
                name: "rectifications_steps");

            migrationBuilder.DropTable(
                name: "rectifications_items");
        }
    }
}

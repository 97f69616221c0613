using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Qedu.Rectifications.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "rectifications");

            migrationBuilder.CreateTable(
                name: "items",
                schema: "rectifications",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    raised_by_unit_id = table.Column<int>(type: "integer", nullable: false),
                    source_kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    source_id = table.Column<long>(type: "bigint", nullable: false),
                    source_item_id = table.Column<long>(type: "bigint", nullable: true),
                    source_title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    source_url = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    finding = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    serious = table.Column<bool>(type: "boolean", nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    recheck_on = table.Column<DateOnly>(type: "date", nullable: true),
                    fix_permission = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    verify_permission = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    fix_needs_evidence = table.Column<bool>(type: "boolean", nullable: false),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    raised_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    raised_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    fix_report = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    fixed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    fixed_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    verified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    verified_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    escalated_to_unit_id = table.Column<int>(type: "integer", nullable: true),
                    escalated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    returns = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_items", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "files",
                schema: "rectifications",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    rectification_id = table.Column<long>(type: "bigint", nullable: false),
                    step_id = table.Column<long>(type: "bigint", nullable: false),
                    hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    media_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    length = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_files", x => x.id);
                    table.ForeignKey(
                        name: "fk_files_items_rectification_id",
                        column: x => x.rectification_id,
                        principalSchema: "rectifications",
                        principalTable: "items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "steps",
                schema: "rectifications",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    rectification_id = table.Column<long>(type: "bigint", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    due_on = table.Column<DateOnly>(type: "date", nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_steps", x => x.id);
                    table.ForeignKey(
                        name: "fk_steps_items_rectification_id",
                        column: x => x.rectification_id,
                        principalSchema: "rectifications",
                        principalTable: "items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_files_hash",
                schema: "rectifications",
                table: "files",
                column: "hash");

            migrationBuilder.CreateIndex(
                name: "ix_files_rectification_id",
                schema: "rectifications",
                table: "files",
                column: "rectification_id");

            migrationBuilder.CreateIndex(
                name: "ix_items_org_unit_id_state_due_on",
                schema: "rectifications",
                table: "items",
                columns: new[] { "org_unit_id", "state", "due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_items_raised_by_unit_id_state",
                schema: "rectifications",
                table: "items",
                columns: new[] { "raised_by_unit_id", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_items_source_kind_source_id",
                schema: "rectifications",
                table: "items",
                columns: new[] { "source_kind", "source_id" });

            migrationBuilder.CreateIndex(
                name: "ix_steps_rectification_id",
                schema: "rectifications",
                table: "steps",
                column: "rectification_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "files",
                schema: "rectifications");

            migrationBuilder.DropTable(
                name: "steps",
                schema: "rectifications");

            migrationBuilder.DropTable(
                name: "items",
                schema: "rectifications");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qedu.Resources.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "resources_items",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    district_id = table.Column<int>(type: "INTEGER", nullable: true),
                    reviewer_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    stage = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    grade = table.Column<int>(type: "INTEGER", nullable: true),
                    subject = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    edition = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    chapter = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    keywords = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    reach = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    award = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    file_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    media_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    length = table.Column<long>(type: "INTEGER", nullable: true),
                    url = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    search_text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    downloads = table.Column<int>(type: "INTEGER", nullable: false),
                    opens = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    created_by_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    reviewed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    reviewed_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    review_note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    retired_at = table.Column<long>(type: "INTEGER", nullable: true),
                    retired_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    retired_reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_resources_items", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "resources_pairings",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    urban_school_id = table.Column<int>(type: "INTEGER", nullable: false),
                    decided_by_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    starts_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_resources_pairings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "resources_ratings",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    item_id = table.Column<long>(type: "INTEGER", nullable: false),
                    account_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    stars = table.Column<int>(type: "INTEGER", nullable: false),
                    rated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_resources_ratings", x => x.id);
                    table.ForeignKey(
                        name: "fk_resources_ratings_resources_items_item_id",
                        column: x => x.item_id,
                        principalTable: "resources_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "resources_sync_sessions",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    pairing_id = table.Column<long>(type: "INTEGER", nullable: false),
                    slot_id = table.Column<long>(type: "INTEGER", nullable: true),
                    on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    held = table.Column<bool>(type: "INTEGER", nullable: false),
                    topic = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    present = table.Column<int>(type: "INTEGER", nullable: false),
                    enrolled = table.Column<int>(type: "INTEGER", nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_resources_sync_sessions", x => x.id);
                    table.ForeignKey(
                        name: "fk_resources_sync_sessions_resources_pairings_pairing_id",
                        column: x => x.pairing_id,
                        principalTable: "resources_pairings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "resources_sync_slots",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    pairing_id = table.Column<long>(type: "INTEGER", nullable: false),
                    subject = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    teacher = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    urban_class = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    rural_class = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    weekday = table.Column<int>(type: "INTEGER", nullable: false),
                    starts_at = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    minutes = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_resources_sync_slots", x => x.id);
                    table.ForeignKey(
                        name: "fk_resources_sync_slots_resources_pairings_pairing_id",
                        column: x => x.pairing_id,
                        principalTable: "resources_pairings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_resources_items_file_hash",
                table: "resources_items",
                column: "file_hash");

            migrationBuilder.CreateIndex(
                name: "ix_resources_items_org_unit_id",
                table: "resources_items",
                column: "org_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_resources_items_reviewer_unit_id",
                table: "resources_items",
                column: "reviewer_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_resources_items_state_reach_district_id",
                table: "resources_items",
                columns: new[] { "state", "reach", "district_id" });

            migrationBuilder.CreateIndex(
                name: "ix_resources_pairings_org_unit_id",
                table: "resources_pairings",
                column: "org_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_resources_pairings_urban_school_id",
                table: "resources_pairings",
                column: "urban_school_id");

            migrationBuilder.CreateIndex(
                name: "ix_resources_ratings_item_id_account_id",
                table: "resources_ratings",
                columns: new[] { "item_id", "account_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_resources_ratings_org_unit_id",
                table: "resources_ratings",
                column: "org_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_resources_sync_sessions_org_unit_id",
                table: "resources_sync_sessions",
                column: "org_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_resources_sync_sessions_pairing_id_on",
                table: "resources_sync_sessions",
                columns: new[] { "pairing_id", "on" });

            migrationBuilder.CreateIndex(
                name: "ix_resources_sync_slots_org_unit_id",
                table: "resources_sync_slots",
                column: "org_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_resources_sync_slots_pairing_id",
                table: "resources_sync_slots",
                column: "pairing_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "resources_ratings");

            migrationBuilder.DropTable(
                name: "resources_sync_sessions");

            migrationBuilder.DropTable(
                name: "resources_sync_slots");

            migrationBuilder.DropTable(
                name: "resources_items");

            migrationBuilder.DropTable(
                name: "resources_pairings");
        }
    }
}

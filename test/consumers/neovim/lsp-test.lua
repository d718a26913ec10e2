-- Driven by test/consumers/neovim.test.ts through Debian's Neovim 0.7.2:
--   nvim --headless -u NONE -c 'luafile lsp-test.lua'
-- 0.7.2 has no vim.lsp.start or vim.lsp.config, so the client is started with
-- vim.lsp.start_client and attached with vim.lsp.buf_attach_client. The script opens a plan,
-- waits for the server's diagnostics, switches the message language to English, types `använd bbic.` on a new line (Neovim sends the
-- change itself) and asks for completion there. Everything it sees is written as JSON to
-- $SUPLAN_NVIM_OUT; the test asserts on it. Neovim always quits, also after an error.

local out_file = os.getenv('SUPLAN_NVIM_OUT')
local result = { log = {} }

local function log(message)
  table.insert(result.log, message)
end

local function write_result()
  local handle = assert(io.open(out_file, 'w'))
  handle:write(vim.fn.json_encode(result))
  handle:close()
end

-- The diagnostics Neovim holds for a buffer, in plain tables.
local function diagnostics(bufnr)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(list, {
      code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code),
      message = d.message,
      lnum = d.lnum,
      col = d.col,
      end_lnum = d.end_lnum,
      end_col = d.end_col,
      severity = d.severity,
    })
  end
  return list
end

local function run()
  local node = assert(os.getenv('SUPLAN_NVIM_NODE'), 'SUPLAN_NVIM_NODE')
  local server = assert(os.getenv('SUPLAN_NVIM_SERVER'), 'SUPLAN_NVIM_SERVER')
  local root = assert(os.getenv('SUPLAN_NVIM_ROOT'), 'SUPLAN_NVIM_ROOT')
  local plan = assert(os.getenv('SUPLAN_NVIM_PLAN'), 'SUPLAN_NVIM_PLAN')
  local anchor = tonumber((assert(os.getenv('SUPLAN_NVIM_INSERT_AFTER'), 'SUPLAN_NVIM_INSERT_AFTER')))

  result.nvim = vim.version()
  vim.cmd('edit ' .. vim.fn.fnameescape(plan))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'suplan'

  local client_id = vim.lsp.start_client({
    name = 'suplan',
    cmd = { node, server, '--stdio' },
    root_dir = root,
    flags = { debounce_text_changes = 50 },
    on_exit = function(code, signal)
      result.exit = { code = code, signal = signal }
    end,
  })
  assert(client_id, 'vim.lsp.start_client returned nil')
  assert(vim.lsp.buf_attach_client(bufnr, client_id), 'buf_attach_client failed')
  log('attached')

  local has_diagnostics = vim.wait(60000, function()
    return #vim.diagnostic.get(bufnr) > 0
  end, 100)
  log('diagnostics ' .. tostring(has_diagnostics))
  result.diagnostics = diagnostics(bufnr)

  -- Neovim 0.7 does not advertise `workspace.configuration`, so the server cannot ask for its
  -- settings; they arrive as a `workspace/didChangeConfiguration` notification (what
  -- nvim-lspconfig does with `settings`).
  local client = assert(vim.lsp.get_client_by_id(client_id))
  local function su012_message()
    for _, d in ipairs(diagnostics(bufnr)) do
      if d.code == 'SU012' then return d.message end
    end
  end
  local before = su012_message()
  client.notify('workspace/didChangeConfiguration', { settings = { suplan = { messageLanguage = 'en' } } })
  local changed = vim.wait(30000, function()
    local now = su012_message()
    return now ~= nil and now ~= before
  end, 100)
  log('language changed ' .. tostring(changed))
  result.diagnostics_en = diagnostics(bufnr)

  -- Type a new line `        använd bbic.` after line `anchor` (0-based) and ask for completion
  -- at its end. Columns in LSP are UTF-16 units; the typed text is ASCII up to the cursor
  -- except `ä`, which is one unit in UTF-16 and two bytes in UTF-8.
  local typed = '        använd bbic.'
  vim.api.nvim_buf_set_lines(bufnr, anchor + 1, anchor + 1, false, { typed })
  local character = vim.str_utfindex(typed)
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    position = { line = anchor + 1, character = character },
    context = { triggerKind = 2, triggerCharacter = '.' },
  }
  vim.wait(300)
  local responses, err = vim.lsp.buf_request_sync(bufnr, 'textDocument/completion', params, 20000)
  result.completion_error = err
  result.completion = {}
  for _, response in pairs(responses or {}) do
    if response.err then result.completion_error = response.err.message end
    local items = response.result and (response.result.items or response.result) or {}
    for _, item in ipairs(items) do
      table.insert(result.completion, { label = item.label, detail = item.detail })
    end
  end

  client.stop()
  vim.wait(5000, function() return result.exit ~= nil end, 50)
end

local ok, message = xpcall(run, debug.traceback)
if not ok then result.error = message end
write_result()
vim.cmd('qall!')

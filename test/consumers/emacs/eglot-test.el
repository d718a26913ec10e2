;;; eglot-test.el --- Emacs eglot as an LSP client of the SU-plan language server  -*- lexical-binding: t; -*-
;;
;; Run by test/consumers/emacs-eglot.test.ts: emacs --batch -l eglot-test.el
;; Starts the packaged server with eglot (Debian's elpa-eglot), opens a plan, and writes what eglot
;; holds as JSON to $SUPLAN_EMACS_OUT: the diagnostics (flymake), the completion list after
;; `bbic.sa' in eglot's own order, the hover text as eglot renders it, and the *Warnings* buffer.

;; Debian's elpa-* packages live in site-lisp/elpa; `emacs -Q' does not activate them.
(dolist (dir (file-expand-wildcards "/usr/share/emacs/site-lisp/elpa/*"))
  (add-to-list 'load-path dir))
(require 'eglot)
(require 'json)
(require 'flymake)

(defvar suplan-test-log nil)
(defun suplan-test-log (format-string &rest args)
  (push (apply #'format format-string args) suplan-test-log))

(define-derived-mode suplan-mode prog-mode "SU-plan" "Plans for systematic follow-up."
  ;; Qualified names (`bbic.samtal_enskilt') are one symbol, as a user's mode would have them.
  (modify-syntax-entry ?. "_")
  (modify-syntax-entry ?_ "_")
  (modify-syntax-entry ?/ ". 124b")
  (modify-syntax-entry ?\n "> b"))
(add-to-list 'auto-mode-alist '("\\.suplan\\'" . suplan-mode))
(add-to-list 'eglot-server-programs
             `(suplan-mode . (,(getenv "SUPLAN_EMACS_NODE") ,(getenv "SUPLAN_EMACS_SERVER") "--stdio")))
(setq eglot-sync-connect 30
      eglot-connect-timeout 60
      eglot-autoshutdown t)

(defun suplan-test-wait (predicate seconds)
  "Process events until PREDICATE holds or SECONDS pass; return PREDICATE's last value."
  (let ((deadline (+ (float-time) seconds)) (value nil))
    (while (and (not (setq value (funcall predicate))) (< (float-time) deadline))
      (accept-process-output nil 0.1))
    value))

(defun suplan-test-diagnostics ()
  (mapcar (lambda (d)
            (let ((beg (flymake-diagnostic-beg d)))
              `((line . ,(1- (line-number-at-pos beg)))
                (column . ,(save-excursion (goto-char beg) (current-column)))
                (type . ,(symbol-name (flymake-diagnostic-type d)))
                (text . ,(flymake-diagnostic-text d)))))
          (flymake-diagnostics)))

(defun suplan-test-completion ()
  "The candidates eglot offers at point, sorted as eglot sorts them for display."
  (let* ((capf (eglot-completion-at-point))
         (start (nth 0 capf)) (end (nth 1 capf)) (table (nth 2 capf))
         (prefix (buffer-substring-no-properties start end))
         (all (all-completions prefix table))
         (metadata (completion-metadata prefix table nil))
         (sorter (completion-metadata-get metadata 'display-sort-function)))
    `((prefix . ,prefix)
      (items . ,(vconcat (mapcar #'substring-no-properties (if sorter (funcall sorter all) all)))))))

(defun suplan-test-hover ()
  (let* ((server (eglot-current-server))
         (response (jsonrpc-request server :textDocument/hover (eglot--TextDocumentPositionParams)))
         (contents (plist-get response :contents)))
    `((kind . ,(or (and (listp contents) (plist-get contents :kind)) ""))
      (rendered . ,(if contents (substring-no-properties (eglot--hover-info contents)) "")))))

(defun suplan-test-run ()
  (let ((plan (getenv "SUPLAN_EMACS_PLAN"))
        (result nil))
    (find-file plan)
    (suplan-test-log "mode %s" major-mode)
    ;; `eglot-ensure' waits for the next command, which never comes in batch mode: connect now.
    (apply #'eglot (eglot--guess-contact))
    (suplan-test-wait (lambda () (eglot-current-server)) 60)
    (unless (eglot-current-server) (error "eglot did not connect"))
    (suplan-test-wait (lambda () (flymake-diagnostics)) 60)
    (suplan-test-log "connected")
    (push `(diagnostics . ,(vconcat (suplan-test-diagnostics))) result)
    (suplan-test-log "diagnostics")
    ;; Hover on the catalogue variable.
    (goto-char (point-min))
    (search-forward "använd bbic.samtal_")
    (push `(hover . ,(suplan-test-hover)) result)
    (suplan-test-log "hover")
    ;; Completion after `bbic.sa' on a new line.
    (goto-char (point-min))
    (search-forward (getenv "SUPLAN_EMACS_INSERT_BEFORE"))
    (beginning-of-line)
    (insert "        använd bbic.sa\n")
    (forward-line -1)
    (end-of-line)
    (eglot--signal-textDocument/didChange)
    (push `(completion . ,(suplan-test-completion)) result)
    (suplan-test-log "completion")
    (set-buffer-modified-p nil)
    (push `(warnings . ,(if (get-buffer "*Warnings*")
                            (with-current-buffer "*Warnings*" (buffer-substring-no-properties (point-min) (point-max)))
                          ""))
          result)
    (push `(server_name . ,(jsonrpc-name (eglot-current-server))) result)
    (eglot-shutdown (eglot-current-server))
    result))

(let ((out (getenv "SUPLAN_EMACS_OUT")) (result nil))
  (condition-case err
      (setq result (suplan-test-run))
    (error (setq result `((error . ,(error-message-string err))))))
  ;; The server's standard error, for the test's failure message.
  (dolist (buffer (buffer-list))
    (when (string-match-p "stderr" (buffer-name buffer))
      (suplan-test-log "%s: %s" (buffer-name buffer) (with-current-buffer buffer (buffer-string)))))
  (push `(log . ,(vconcat (reverse suplan-test-log))) result)
  (with-temp-file out
    (insert (json-encode result)))
  (kill-emacs 0))

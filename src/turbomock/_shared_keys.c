/* One attribute-keys table per pool of leaves, where CPython gives every class its
 * own: the largest part of a pooled leaf's memory that no mock uses.
 *
 * Since 3.11 CPython gives each new class whose instances have a __dict__ a fresh
 * "shared keys" table with room for 30 names (about 770 bytes), and sizes each new
 * instance's attribute values from it (about 250 bytes more per mock on 3.11). The
 * stdlib's mocks fill that table with their own state; turbomock's keep theirs in
 * slots, so every leaf carried an empty table, and every mock an empty values array.
 *
 * share(leaf, donor) makes a new leaf read its pool's table (the donor's: the
 * pool's probe class, never instantiated) and frees the leaf's own. All instances
 * of all leaves of a pool then share one table, as all instances of one class do;
 * CPython's invariants for that table hold whatever the number of classes reading
 * it: names are only ever appended, every instance's values have room for every
 * index the table can reach when the instance is made (entries + room never grows),
 * and the specializing interpreter guards on the table's own version, which any
 * new name resets. What a mock can observe (its attributes, their order, its
 * __dict__) is unchanged: the table only says where an instance keeps them.
 *
 * It is done only where it is exact: before the leaf has any instance (its table
 * as CPython made it: one reference, no names, full room, all checked), on 3.11+
 * without free threading (earlier versions' tables are small and CPython may swap
 * them for another). Elsewhere share() does nothing: memory, never behaviour.
 *
 * The leaf's own table is freed by CPython itself: handed to an empty dict, whose
 * deallocation frees a table it holds alone with the matching allocator.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include "_native_core.h"

#if PY_VERSION_HEX >= 0x030B0000 && !defined(Py_GIL_DISABLED)
#define TM_SHARE_KEYS 1

/* The head of CPython's PyDictKeysObject (Include/internal/pycore_dict.h), the same
 * on 3.11-3.13 without free threading: only read here, but for the count. */
typedef struct {
    Py_ssize_t refcnt;
    uint8_t log2_size;
    uint8_t log2_index_bytes;
    uint8_t kind;
    uint32_t version;
    Py_ssize_t usable;
    Py_ssize_t nentries;
} TmKeysHead;

#ifdef Py_TPFLAGS_INLINE_VALUES
#define LAYOUT_FLAGS (Py_TPFLAGS_MANAGED_DICT | Py_TPFLAGS_INLINE_VALUES)
#else
#define LAYOUT_FLAGS Py_TPFLAGS_MANAGED_DICT
#endif

#define KEYS(type) ((TmKeysHead *)((PyHeapTypeObject *)(type))->ht_cached_keys)

/* A fresh table as CPython makes one for a class (read off a class made for it):
 * what a leaf's table must look like for share() to replace it. */
static int pristine_known;
static TmKeysHead pristine;

static int
learn_pristine(void)
{
    PyObject *cls = PyObject_CallFunction((PyObject *)&PyType_Type, "s(O){}",
                                          "TurbomockKeysProbe", (PyObject *)&PyBaseObject_Type);
    if (cls == NULL) {
        return -1;
    }
    TmKeysHead *keys = KEYS(cls);
    if (keys != NULL && keys->refcnt == 1 && keys->nentries == 0) {
        pristine = *keys;
        pristine_known = 1;
    }
    Py_DECREF(cls);
    return 0;
}

static int
is_pristine(TmKeysHead *keys)
{
    return keys != NULL && keys->refcnt == 1 && keys->nentries == 0
        && keys->usable == pristine.usable && keys->log2_size == pristine.log2_size
        && keys->kind == pristine.kind;
}
#endif

/* share(leaf, donor): True when the leaf now reads the donor's table, else False. */
PyObject *
shared_keys_share(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2 || !PyType_Check(args[0]) || !PyType_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "share() takes two classes");
        return NULL;
    }
#ifdef TM_SHARE_KEYS
    PyTypeObject *leaf = (PyTypeObject *)args[0], *donor = (PyTypeObject *)args[1];
    if (!pristine_known && learn_pristine() < 0) {
        return NULL;
    }
    if (!pristine_known || leaf == donor
        || !(leaf->tp_flags & Py_TPFLAGS_HEAPTYPE) || !(donor->tp_flags & Py_TPFLAGS_HEAPTYPE)
        || leaf->tp_basicsize != donor->tp_basicsize || leaf->tp_itemsize != donor->tp_itemsize
        || leaf->tp_dictoffset != donor->tp_dictoffset
        || (leaf->tp_flags ^ donor->tp_flags) & LAYOUT_FLAGS
        || !is_pristine(KEYS(leaf)) || KEYS(donor) == NULL) {
        Py_RETURN_FALSE;
    }
    PyObject *holder = PyDict_New();
    if (holder == NULL) {
        return NULL;
    }
    /* The empty dict's own keys are CPython's static empty table, which it never
     * frees (3.11 counts its references; one more is harmless). */
    TmKeysHead *own = KEYS(leaf), *shared = KEYS(donor);
    shared->refcnt++;
    ((PyHeapTypeObject *)leaf)->ht_cached_keys = (PyDictKeysObject *)shared;
    ((PyDictObject *)holder)->ma_keys = (PyDictKeysObject *)own;
    Py_DECREF(holder);  /* frees `own` */
    Py_RETURN_TRUE;
#else
    Py_RETURN_FALSE;
#endif
}
